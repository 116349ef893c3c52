/// Why a username and password were refused at sign-in.
///
/// `unknownUser` and `wrongPassword` show the same text, so the login page never reveals which
/// usernames exist; the audit trail keeps the difference through `auditReason`.
public enum LoginRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// No user has this username (a dummy bcrypt check was still spent).
    case unknownUser
    /// The password does not match.
    case wrongPassword(UserID)
    /// The password matched, but the account is suspended.
    case suspended(UserID)

    /// The text the login page may show.
    public var errorDescription: String {
        switch self {
        case .unknownUser, .wrongPassword: "invalid username or password"
        case .suspended: "this account is suspended; contact your administrator"
        }
    }

    /// A stable code for the audit record's `reason`.
    public var auditReason: String {
        switch self {
        case .unknownUser: "unknown_user"
        case .wrongPassword: "wrong_password"
        case .suspended: "user_suspended"
        }
    }

    /// The user concerned, when known.
    public var userID: UserID? {
        switch self {
        case .unknownUser: nil
        case .wrongPassword(let id), .suspended(let id): id
        }
    }

    /// The log line: a reason and an identifier, never the password.
    public var description: String {
        if let userID { "login rejected: \(auditReason) (user \(userID))" } else { "login rejected: \(auditReason)" }
    }
}

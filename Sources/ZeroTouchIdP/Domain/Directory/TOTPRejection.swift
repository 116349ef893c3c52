/// Why a one-time code was refused (RFC 6238 §5.2).
public enum TOTPRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// The user has no TOTP secret.
    case notEnrolled(UserID)
    /// The code is not exactly six ASCII digits.
    case malformedCode(UserID)
    /// The code matches none of the current step and one step either side.
    case invalidCode(UserID)
    /// The code matches a step at or before the last one this user already used: RFC 6238 §5.2 says
    /// the verifier MUST NOT accept the second attempt of the same OTP.
    case replayed(UserID, step: Int64)
    /// The user does not exist or is suspended.
    case inactiveUser(UserID)

    /// The text the login page may show.
    public var errorDescription: String {
        switch self {
        case .notEnrolled: "no second factor is enrolled for this account"
        case .malformedCode: "the code must be six digits"
        case .invalidCode: "the code is not valid"
        case .replayed: "this code was already used; wait for the next one"
        case .inactiveUser: "this account can't sign in"
        }
    }

    /// A stable code for the audit record's `reason`.
    public var auditReason: String {
        switch self {
        case .notEnrolled: "totp_not_enrolled"
        case .malformedCode: "totp_malformed"
        case .invalidCode: "totp_invalid"
        case .replayed: "totp_replayed"
        case .inactiveUser: "user_inactive"
        }
    }

    /// The log line: a reason and the user's id, never the code.
    public var description: String {
        switch self {
        case .notEnrolled(let id), .malformedCode(let id), .invalidCode(let id), .inactiveUser(let id):
            "second factor rejected: \(auditReason) (user \(id))"
        case .replayed(let id, let step): "second factor rejected: \(auditReason) (user \(id), step \(step))"
        }
    }
}

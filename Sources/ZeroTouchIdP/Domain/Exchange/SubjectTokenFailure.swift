public import ZeroTouchCore
public import ZeroTouchJOSE

/// Why a token exchange's `subject_token` is not an ID token this IdP issued to the authenticated
/// client, unexpired, for an active user (checklist I-5; issue 3, item 6). Every case is `invalid_grant`
/// (decisions X-4).
public enum SubjectTokenFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a JWT signed by one of our published keys with `typ: JWT`, or its time claims fail
    /// (too large, malformed, wrong `typ`, unknown `kid`, bad signature, expired…).
    case jose(JOSERejection)
    /// A claim we always write is absent.
    case missingClaim(String)
    /// A claim has the wrong JSON type.
    case invalidClaim(String)
    /// `iss` is not this IdP (a token from another issuer, or one signed with our key for another issuer).
    case wrongIssuer(String)
    /// `aud` is not exactly the authenticated client: the token was issued to another client (checklist I-5).
    case audienceMismatch(actual: [String])
    /// The user no longer exists.
    case unknownUser(UserID)
    /// The user is suspended: every exchange for them fails at once (issue 3, item 2).
    case userSuspended(UserID)

    /// A description safe to send: it never quotes the token.
    public var errorDescription: String {
        switch self {
        case .jose(.expired): "subject_token has expired"
        case .jose: "subject_token is not a valid ID token issued by this IdP"
        case .missingClaim(let name): "subject_token lacks the '\(name)' claim"
        case .invalidClaim(let name): "subject_token claim '\(name)' has the wrong type"
        case .wrongIssuer: "subject_token was not issued by this IdP"
        case .audienceMismatch: "subject_token was not issued to the authenticated client"
        case .unknownUser, .userSuspended: "the user is not active"
        }
    }

    /// A stable code for the audit record's `reason`.
    public var reasonCode: String {
        switch self {
        case .jose(.expired): "subject_token_expired"
        case .jose: "subject_token_invalid"
        case .missingClaim, .invalidClaim: "subject_token_claims"
        case .wrongIssuer: "subject_token_issuer"
        case .audienceMismatch: "subject_token_audience"
        case .unknownUser: "unknown_user"
        case .userSuspended: "user_suspended"
        }
    }

    /// The log line: identifiers and the JOSE reason, never the token.
    public var description: String {
        switch self {
        case .jose(let rejection): "subject_token rejected: \(rejection)"
        case .missingClaim(let name): "subject_token lacks \(name)"
        case .invalidClaim(let name): "subject_token claim \(name) malformed"
        case .wrongIssuer(let issuer): "subject_token issuer \(issuer.prefix(100)) is not this IdP"
        case .audienceMismatch(let actual): "subject_token aud \(actual.joined(separator: ",").prefix(200)) is not the client"
        case .unknownUser(let id): "subject_token user \(id) unknown"
        case .userSuspended(let id): "subject_token user \(id) suspended"
        }
    }
}

/// An OAuth 2.0 error code as carried in the `error` member of an error response (RFC 6749 §5.2).
///
/// A struct of static members rather than an enum so that codes received from peers that we do
/// not know yet can still be represented and shown.
public struct OAuthErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The request is missing a required parameter, includes an unsupported value, repeats a
    /// parameter, or is otherwise malformed (RFC 6749 §5.2).
    public static let invalidRequest = OAuthErrorCode(rawValue: "invalid_request")
    /// Client authentication failed (RFC 6749 §5.2). Rendered as HTTP 401.
    public static let invalidClient = OAuthErrorCode(rawValue: "invalid_client")
    /// The grant or assertion is invalid, expired, revoked or issued to another client (RFC 6749 §5.2, RFC 7523 §3.1).
    public static let invalidGrant = OAuthErrorCode(rawValue: "invalid_grant")
    /// The authenticated client may not use this grant type (RFC 6749 §5.2).
    public static let unauthorizedClient = OAuthErrorCode(rawValue: "unauthorized_client")
    /// The grant type is not supported by this server (RFC 6749 §5.2).
    public static let unsupportedGrantType = OAuthErrorCode(rawValue: "unsupported_grant_type")
    /// The requested scope is invalid, unknown or exceeds what was granted (RFC 6749 §5.2).
    public static let invalidScope = OAuthErrorCode(rawValue: "invalid_scope")
    /// The requested resource or audience is invalid or unknown (RFC 8707 §2, RFC 8693 §2.2.2).
    public static let invalidTarget = OAuthErrorCode(rawValue: "invalid_target")
    /// The resource owner or the organization's policy denied the request (RFC 6749 §4.1.2.1).
    public static let accessDenied = OAuthErrorCode(rawValue: "access_denied")
    /// The authorization server does not support obtaining a code with this response type (RFC 6749 §4.1.2.1).
    public static let unsupportedResponseType = OAuthErrorCode(rawValue: "unsupported_response_type")
    /// The server met an unexpected condition (RFC 6749 §4.1.2.1).
    public static let serverError = OAuthErrorCode(rawValue: "server_error")
    /// The server is temporarily unable to handle the request (RFC 6749 §4.1.2.1).
    public static let temporarilyUnavailable = OAuthErrorCode(rawValue: "temporarily_unavailable")
    /// The presented access token is expired, revoked, malformed or for another audience (RFC 6750 §3.1).
    public static let invalidToken = OAuthErrorCode(rawValue: "invalid_token")
    /// The access token lacks the scope the request needs (RFC 6750 §3.1).
    public static let insufficientScope = OAuthErrorCode(rawValue: "insufficient_scope")
    /// The user's authentication does not meet the requirements; step up (RFC 9470 §3, ID-JAG §8.2).
    public static let insufficientUserAuthentication = OAuthErrorCode(rawValue: "insufficient_user_authentication")
    /// The token type cannot be revoked (RFC 7009 §2.2.1).
    public static let unsupportedTokenType = OAuthErrorCode(rawValue: "unsupported_token_type")
    /// The user must log in again (OpenID Connect Core §3.1.2.6).
    public static let loginRequired = OAuthErrorCode(rawValue: "login_required")
}

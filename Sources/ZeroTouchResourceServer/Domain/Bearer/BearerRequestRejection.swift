/// Why the credentials of a request were refused before any token was verified: the request
/// itself is malformed (RFC 6750 §3.1 `invalid_request`, answered with HTTP 400).
///
/// ZeroTouch accepts access tokens in the `Authorization` header only (RFC 6750 §2.1): the query
/// parameter (§2.3) is refused because URLs end up in logs and browser history (EMA-S §7.3, MCP
/// "Access tokens MUST NOT be included in the URI query string"), and the form body (§2.2) is not
/// offered (`bearer_methods_supported` is `["header"]`).
public enum BearerRequestRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// More than one `Authorization` field (RFC 6750 §3.1: "uses more than one method").
    case multipleAuthorizationFields(count: Int)
    /// The `Authorization` field is not `scheme 1*SP credentials` (RFC 7235 §2.1).
    case malformedAuthorization
    /// The scheme is `Bearer` but the credentials are missing or not a `b64token` (RFC 6750 §2.1).
    case malformedBearerCredentials
    /// An `access_token` parameter in the query string (RFC 6750 §2.3).
    case tokenInQuery
    /// An `access_token` parameter in a form body (RFC 6750 §2.2).
    case tokenInBody

    /// The safe `error_description`.
    public var errorDescription: String {
        switch self {
        case .multipleAuthorizationFields: "the request must carry exactly one Authorization header"
        case .malformedAuthorization: "the Authorization header must be an auth-scheme followed by credentials (RFC 7235)"
        case .malformedBearerCredentials: "the Bearer credentials must be a single b64token (RFC 6750 section 2.1)"
        case .tokenInQuery: "access tokens are accepted in the Authorization header only, never in the query string"
        case .tokenInBody: "access tokens are accepted in the Authorization header only, never in the request body"
        }
    }

    /// The log line: the kind of mistake, never the token.
    public var description: String {
        switch self {
        case .multipleAuthorizationFields(let count): "request has \(count) Authorization fields"
        default: errorDescription
        }
    }
}

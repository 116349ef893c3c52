public import ZeroTouchCore

/// Why a token-endpoint request failed client authentication (RFC 6749 §2.3, §5.2; RFC 7523 §3).
///
/// Every case but `multipleMethods` is `invalid_client` (HTTP 401). Descriptions are deliberately
/// the same for an unknown client and a wrong secret, so that the endpoint does not reveal which
/// client ids exist.
public enum ClientAuthenticationRejection: OAuthErrorConvertible, Equatable, Sendable {
    /// No credentials at all.
    case missingCredentials
    /// More than one method in one request (RFC 6749 §2.3: "MUST NOT use more than one").
    case multipleMethods
    /// The `Authorization` header is not a well-formed Basic credential.
    case malformedBasicHeader
    /// The `Authorization` header uses a scheme other than Basic.
    case unsupportedScheme
    /// `client_id` in the body disagrees with the one authenticated by another means.
    case clientIDMismatch
    /// No such client is registered.
    case unknownClient(ClientID)
    /// The client is registered for another method.
    case methodNotAllowed(ClientID, registered: ClientAuthenticationMethod, used: ClientAuthenticationMethod)
    /// The secret does not match.
    case wrongSecret(ClientID)
    /// The client is disabled.
    case disabled(ClientID)
    /// The `client_assertion_type` is not `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
    case unsupportedAssertionType
    /// The `private_key_jwt` assertion failed a check; the reason names it.
    case invalidAssertion(ClientID?, reason: String)
    /// The assertion's `jti` was already used (RFC 7523 §3 item 7).
    case replayedAssertion(ClientID)

    /// The wire error. Unknown client, wrong secret, wrong method and disabled client share one
    /// description so that the answer reveals neither which ids exist nor how they are configured.
    public var oauthError: OAuthErrorResponse {
        switch self {
        case .multipleMethods:
            OAuthErrorResponse(.invalidRequest, description: "use exactly one client authentication method per request")
        case .clientIDMismatch:
            OAuthErrorResponse(.invalidRequest, description: "client_id does not match the authenticated client")
        case .missingCredentials:
            OAuthErrorResponse(.invalidClient, description: "client authentication is required")
        case .malformedBasicHeader:
            OAuthErrorResponse(.invalidClient, description: "malformed Basic authorization header", challengeScheme: "Basic")
        case .unsupportedScheme:
            OAuthErrorResponse(.invalidClient, description: "the token endpoint accepts Basic client authentication only", challengeScheme: "Basic")
        case .unknownClient, .wrongSecret:
            OAuthErrorResponse(.invalidClient, description: "client authentication failed")
        case .methodNotAllowed, .disabled:
            OAuthErrorResponse(.invalidClient, description: "client authentication failed")
        case .unsupportedAssertionType:
            OAuthErrorResponse(.invalidClient, description: "client_assertion_type must be \(ClientAssertionType.jwtBearer.rawValue)")
        case .invalidAssertion(_, let reason):
            OAuthErrorResponse(.invalidClient, description: "client assertion rejected: \(reason)")
        case .replayedAssertion:
            OAuthErrorResponse(.invalidClient, description: "client assertion rejected: jti was already used")
        }
    }

    /// The log line: names the client, never a secret or an assertion.
    public var description: String {
        switch self {
        case .missingCredentials: "client authentication missing"
        case .multipleMethods: "more than one client authentication method"
        case .malformedBasicHeader: "malformed Basic header"
        case .unsupportedScheme: "unsupported Authorization scheme"
        case .clientIDMismatch: "client_id mismatch between methods"
        case .unknownClient(let id): "unknown client \(id)"
        case .methodNotAllowed(let id, let registered, let used): "client \(id) used \(used.rawValue), registered for \(registered.rawValue)"
        case .wrongSecret(let id): "wrong secret for client \(id)"
        case .disabled(let id): "client \(id) is disabled"
        case .unsupportedAssertionType: "unsupported client_assertion_type"
        case .invalidAssertion(let id, let reason): "client assertion of \(id?.rawValue ?? "unknown client") rejected: \(reason)"
        case .replayedAssertion(let id): "client assertion of \(id) replayed"
        }
    }
}

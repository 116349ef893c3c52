public import ZeroTouchCore

/// Why `/authorize` refuses a request (RFC 6749 §4.1.2.1, OpenID Connect Core §3.1.2.6).
///
/// The first group is answered with an error page and never redirected: without a known client and
/// one of its registered redirect URIs there is nowhere safe to send the user (RFC 6749 §4.1.2.1:
/// "MUST NOT automatically redirect the user-agent to the invalid redirection URI"). Every other case
/// carries the checked `AuthorizationRedirect` and goes back to the client.
public enum AuthorizationRequestRejection: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedQuery(String)
    case missingClientID
    case unknownClient(ClientID)
    case clientDisabled(ClientID)
    case missingRedirectURI
    case unregisteredRedirectURI(ClientID)

    /// `response_type` is not `code` (code flow only).
    case unsupportedResponseType(AuthorizationRedirect)
    /// `response_mode` is not `query`.
    case unsupportedResponseMode(AuthorizationRedirect)
    /// `scope` lacks `openid` (OpenID Connect Core §3.1.2.1: REQUIRED).
    case missingOpenIDScope(AuthorizationRedirect)
    /// `scope` breaks the RFC 6749 §3.3 grammar.
    case malformedScope(AuthorizationRedirect)
    /// No `code_challenge`: PKCE is required (OAuth 2.1 §4.1.1).
    case missingCodeChallenge(AuthorizationRedirect)
    /// `code_challenge_method` is not `S256`.
    case unsupportedCodeChallengeMethod(AuthorizationRedirect)
    /// `code_challenge` is not 43 base64url characters.
    case malformedCodeChallenge(AuthorizationRedirect)
    /// `state`, `nonce`, `max_age` or `prompt` is malformed or too long.
    case malformedParameter(String, AuthorizationRedirect)
    /// `request` / `request_uri` (OpenID Connect Core §6): request objects are not supported.
    case requestObjectNotSupported(AuthorizationRedirect)
    /// `prompt=none` and the user must sign in (OpenID Connect Core §3.1.2.6).
    case loginRequired(AuthorizationRedirect)

    /// Where the error goes, or `nil` when it must be shown on an error page.
    public var redirect: AuthorizationRedirect? {
        switch self {
        case .malformedQuery, .missingClientID, .unknownClient, .clientDisabled, .missingRedirectURI, .unregisteredRedirectURI: nil
        case .unsupportedResponseType(let r), .unsupportedResponseMode(let r), .missingOpenIDScope(let r), .malformedScope(let r),
            .missingCodeChallenge(let r), .unsupportedCodeChallengeMethod(let r), .malformedCodeChallenge(let r),
            .malformedParameter(_, let r), .requestObjectNotSupported(let r), .loginRequired(let r):
            r
        }
    }

    /// The `error` value.
    public var errorCode: OAuthErrorCode {
        switch self {
        case .malformedQuery, .missingClientID, .unknownClient, .clientDisabled, .missingRedirectURI, .unregisteredRedirectURI,
            .unsupportedResponseMode, .missingCodeChallenge, .unsupportedCodeChallengeMethod, .malformedCodeChallenge, .malformedParameter:
            .invalidRequest
        case .unsupportedResponseType: .unsupportedResponseType
        case .missingOpenIDScope, .malformedScope: .invalidScope
        case .requestObjectNotSupported: OAuthErrorCode(rawValue: "request_not_supported")
        case .loginRequired: .loginRequired
        }
    }

    /// A description safe to show the user or send to the client.
    public var errorDescription: String {
        switch self {
        case .malformedQuery(let detail): "the authorization request is malformed: \(detail)"
        case .missingClientID: "the authorization request has no client_id"
        case .unknownClient, .clientDisabled: "the application is not registered or is disabled"
        case .missingRedirectURI: "the authorization request has no redirect_uri"
        case .unregisteredRedirectURI: "the redirect_uri is not registered for this application"
        case .unsupportedResponseType: "response_type must be code"
        case .unsupportedResponseMode: "response_mode must be query"
        case .missingOpenIDScope: "scope must include openid"
        case .malformedScope: "scope must be scope tokens separated by single spaces"
        case .missingCodeChallenge: "PKCE is required: send code_challenge with code_challenge_method S256"
        case .unsupportedCodeChallengeMethod: "code_challenge_method must be S256"
        case .malformedCodeChallenge: "code_challenge must be 43 base64url characters"
        case .malformedParameter(let name, _): "parameter '\(name)' is malformed or too long"
        case .requestObjectNotSupported: "request objects are not supported"
        case .loginRequired: "the user must sign in"
        }
    }

    /// The log line.
    public var description: String {
        switch self {
        case .unknownClient(let id), .clientDisabled(let id), .unregisteredRedirectURI(let id): "\(errorDescription) (client \(id))"
        default: errorDescription
        }
    }
}

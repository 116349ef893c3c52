public import ZeroTouchCore
public import ZeroTouchJOSE

/// Why a presented access token was refused (RFC 6750 §3.1, RFC 9068 §4, MCP "Token Handling").
///
/// Every case but `verificationUnavailable` is the token's fault and is answered with 401
/// `invalid_token`; `verificationUnavailable` is a broken authorization server (its keys or its
/// introspection endpoint cannot be reached) and is answered with 503, failing closed without
/// telling the client its token is bad.
public enum AccessTokenRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// Parsing, `typ` (an ID token or an ID-JAG is not `at+jwt`), `alg`, key, signature, or a
    /// registered claim with the wrong type or a bad time (RFC 7515, RFC 7519, RFC 8725).
    case jose(JOSERejection)
    /// `iss` is not this resource's authorization server (RFC 9068 §4 step 3).
    case untrustedIssuer(expected: Issuer, actual: String?)
    /// `aud` is not exactly this resource (RFC 9068 §4 step 4, RFC 8707 §2, MCP "Token Audience
    /// Binding and Validation").
    case audienceMismatch(expected: ResourceIdentifier, actual: [String])
    /// A claim RFC 9068 §2.2 requires (`sub`, `client_id`, `jti`, `iat`, `exp`) is absent.
    case missingClaim(name: String)
    /// A claim has the wrong JSON type, or `scope` breaks the RFC 6749 §3.3 grammar.
    case invalidClaim(name: String)
    /// The introspection endpoint says the token is not active (RFC 7662 §2.2).
    case inactive
    /// The token is larger than the verifier accepts.
    case tokenTooLarge(bytes: Int, limit: Int)
    /// The authorization server's keys or introspection endpoint cannot be used right now.
    case verificationUnavailable(reason: String)

    /// Wraps a JOSE rejection, keeping an unreachable key set apart (it is not the token's fault).
    public init(_ rejection: JOSERejection) {
        if case .keySetUnavailable(let issuer, let reason) = rejection {
            self = .verificationUnavailable(reason: "keys of \(issuer) unavailable: \(reason)")
        } else {
            self = .jose(rejection)
        }
    }

    /// The OAuth error code: `invalid_token` (RFC 6750 §3.1), or `temporarily_unavailable`.
    public var errorCode: OAuthErrorCode {
        switch self {
        case .jose, .untrustedIssuer, .audienceMismatch, .missingClaim, .invalidClaim, .inactive, .tokenTooLarge: .invalidToken
        case .verificationUnavailable: .temporarilyUnavailable
        }
    }

    /// The `error_description` shown to the client: precise, never a token or a secret.
    public var errorDescription: String {
        switch self {
        case .jose(let rejection): rejection.description
        case .untrustedIssuer: "the token was not issued by this resource's authorization server"
        case .audienceMismatch(let expected, _): "the token's audience must be exactly this resource (\(expected))"
        case .missingClaim(let name): "claim '\(name)' is required"
        case .invalidClaim(let name): "claim '\(name)' has the wrong type or syntax"
        case .inactive: "the token is not active"
        case .tokenTooLarge(let bytes, let limit): "token is \(bytes) bytes, more than the \(limit)-byte limit"
        case .verificationUnavailable: "the authorization server cannot be reached to verify the token; try again later"
        }
    }

    /// The log line: identifiers and reasons only.
    public var description: String {
        switch self {
        case .untrustedIssuer(let expected, let actual): "iss \(actual.map { "'\($0.prefix(200))'" } ?? "absent") is not \(expected)"
        case .audienceMismatch(let expected, let actual): "aud \(actual.map { String($0.prefix(200)) }) is not [\(expected)]"
        case .verificationUnavailable(let reason): "verification unavailable: \(reason)"
        default: errorDescription
        }
    }
}

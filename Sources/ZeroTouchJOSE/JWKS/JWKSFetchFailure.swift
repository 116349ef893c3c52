public import ZeroTouchCore

/// Why another party's JWKS could not be fetched. A verifier facing one of these fails closed:
/// tokens of that issuer are refused until its keys can be fetched again.
public enum JWKSFetchFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not allowed: not https (http only on loopback), or malformed (decisions X-11).
    case endpointRejected(EndpointPolicy.Violation)
    /// The connection or the HTTP exchange failed.
    case transportFailed(String)
    /// No complete answer within the time limit.
    case timedOut(after: Duration)
    /// The server answered with a status other than 200.
    case unexpectedStatus(Int)
    /// The server answered with a redirect, which is not followed for key material.
    case redirected
    /// The body is larger than the limit; reading stopped there.
    case bodyTooLarge(limit: Int)
    /// The JWKS is not a JSON object with a `keys` array (RFC 7517 §5).
    case malformedJWKS
    /// No metadata document answered at the issuer's well-known URLs, or none was valid JSON.
    case metadataNotFound(issuer: Issuer)
    /// The metadata names another issuer (RFC 8414 §3.3: it MUST NOT be used).
    case issuerMismatch(expected: Issuer, actual: Issuer)
    /// The metadata has no `jwks_uri` (RFC 8414 §2).
    case missingJWKSURI(issuer: Issuer)

    /// A one-line explanation for the operator's log and for `JOSERejection.keySetUnavailable`.
    public var description: String {
        switch self {
        case .endpointRejected(let violation): "URL refused: \(violation)"
        case .transportFailed(let reason): "request failed: \(reason)"
        case .timedOut(let limit): "no complete answer within \(limit)"
        case .unexpectedStatus(let status): "HTTP status \(status), expected 200"
        case .redirected: "redirects are not followed for key material"
        case .bodyTooLarge(let limit): "body exceeds \(limit) bytes"
        case .malformedJWKS: "body is not a JWK Set"
        case .metadataNotFound(let issuer): "no authorization server or OpenID metadata found for \(issuer)"
        case .issuerMismatch(let expected, let actual): "metadata names issuer \(JOSERejection.quoted(actual.rawValue)), expected \(expected)"
        case .missingJWKSURI(let issuer): "metadata of \(issuer) has no jwks_uri"
        }
    }
}

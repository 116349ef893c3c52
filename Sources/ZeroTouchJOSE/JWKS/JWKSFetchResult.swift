public import Foundation

/// The outcome of one JWKS fetch: an explicit value rather than a thrown error, so that every
/// caller must decide what a failure means (ZeroTouch always fails closed).
public enum JWKSFetchResult: Sendable {
    /// The parsed key set and the response's `Cache-Control: max-age` in seconds, `nil` when the
    /// response had none or said `no-store`/`no-cache` (the cache then applies its default).
    case success(ParsedJWKS, maxAge: TimeInterval?)
    /// Why no key set was obtained.
    case failure(JWKSFetchFailure)
}

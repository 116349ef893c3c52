public import ZeroTouchCore

/// Fetches a trusted issuer's JWKS. The answer is always a `JWKSFetchResult`, never a thrown
/// error, so a fetcher cannot fail open by accident; `JWKSCache` decides what to do with failures.
///
/// `HTTPJWKSFetcher` is the real implementation; tests use fakes that count calls.
public protocol JWKSFetcher: Sendable {
    /// Fetches `issuer`'s key set from `location`.
    func fetchKeySet(of issuer: Issuer, from location: JWKSLocation) async -> JWKSFetchResult
}

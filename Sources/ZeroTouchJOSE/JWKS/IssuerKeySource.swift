public import ZeroTouchCore

/// One trusted issuer's keys as a `VerificationKeySource`, backed by a shared `JWKSCache`: what
/// the authorization server hands to `JWTVerifier` once the unverified `iss` has named a trusted
/// issuer (checklist A-4 step 4 before step 5).
public struct IssuerKeySource: VerificationKeySource {
    /// The cache holding every trusted issuer's keys.
    public let cache: JWKSCache
    /// The issuer whose keys this source selects from; no other issuer's keys are ever used.
    public let issuer: Issuer
    /// Where the issuer's JWKS is fetched from.
    public let location: JWKSLocation

    /// Creates a source for `issuer`.
    public init(cache: JWKSCache, issuer: Issuer, location: JWKSLocation) {
        self.cache = cache
        self.issuer = issuer
        self.location = location
    }

    /// The issuer's key for a token, refreshing the cache at most once on an unknown `kid`.
    /// - Throws: `JOSERejection` as `JWKSCache.verificationKey(issuer:location:keyID:algorithm:)`.
    public func verificationKey(keyID: KeyID?, algorithm: JWSAlgorithm) async throws(JOSERejection) -> VerificationKey {
        try await cache.verificationKey(issuer: issuer, location: location, keyID: keyID, algorithm: algorithm)
    }
}

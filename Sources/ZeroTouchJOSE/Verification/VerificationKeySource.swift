public import ZeroTouchCore

/// Where a `JWTVerifier` gets the key for a token: a fixed set (`VerificationKeySet`, for example
/// the IdP's own keys from `KeyRing`) or one issuer's cached JWKS (`JWKSCache.keySource`).
///
/// A source selects exactly one key: by `kid` when the token has one, otherwise only when exactly
/// one key fits `algorithm`. A source that can refresh (a JWKS cache) may refresh once on an
/// unknown `kid`; none may fall back to another key.
public protocol VerificationKeySource: Sendable {
    /// The key for a token whose header has `keyID` and `algorithm`.
    /// - Throws: `JOSERejection.unknownKeyID`, `.noKeyForAlgorithm`, `.ambiguousKey`,
    ///   `.keyTypeMismatch`, `.keyAlgorithmMismatch`, `.keySetUnavailable`.
    func verificationKey(keyID: KeyID?, algorithm: JWSAlgorithm) async throws(JOSERejection) -> VerificationKey
}

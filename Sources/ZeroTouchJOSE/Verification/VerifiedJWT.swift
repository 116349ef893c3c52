public import ZeroTouchCore

/// A JWT whose `typ`, `alg` and signature `JWTVerifier` has checked (RFC 7515 §5.2, RFC 8725 §3).
///
/// Only the verifier creates one (its initializer is internal), so holding a `VerifiedJWT` proves
/// the checks ran. Its claims are authentic but not yet judged: time rules (`JWTTimeRules`),
/// audience, issuer and the rest are the caller's next steps.
public struct VerifiedJWT: Sendable, Hashable {
    /// The JOSE header.
    public let header: JOSEHeader
    /// The claims, authenticated by the signature.
    public let claims: JWTClaims
    /// The algorithm the signature was checked with.
    public let algorithm: JWSAlgorithm
    /// The `kid` of the key that verified the signature, when the key has one.
    public let keyID: KeyID?

    init(header: JOSEHeader, claims: JWTClaims, algorithm: JWSAlgorithm, keyID: KeyID?) {
        self.header = header
        self.claims = claims
        self.algorithm = algorithm
        self.keyID = keyID
    }
}

import Crypto
import CryptoExtras
public import ZeroTouchCore

/// A public key ready to verify JWS signatures: ZeroTouch's own, or one read from another party's
/// JWKS. Holds the parsed key, its `kid` and the `alg` its publisher restricted it to, if any.
public struct VerificationKey: Sendable {
    /// The parsed key material; the case is the key type.
    enum Material: Sendable {
        case p256(P256.Signing.PublicKey)
        case ed25519(Curve25519.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }

    /// `kid` (RFC 7517 §4.5).
    public let keyID: KeyID?
    /// The JWK `alg` (RFC 7517 §4.4): when set, the only algorithm this key verifies.
    public let algorithm: JWSAlgorithm?
    /// The public key as a JWK, e.g. for publishing or for its RFC 7638 thumbprint.
    public let jwk: JWK
    let material: Material

    init(keyID: KeyID?, algorithm: JWSAlgorithm?, jwk: JWK, material: Material) {
        self.keyID = keyID
        self.algorithm = algorithm
        self.jwk = jwk
        self.material = material
    }

    /// The JWK `kty` of this key: `EC`, `OKP` or `RSA`.
    public var keyType: String {
        switch material {
        case .p256: "EC"
        case .ed25519: "OKP"
        case .rsa: "RSA"
        }
    }

    /// Whether this key may verify `algorithm`: the key type fits, and the key's own `alg`, when
    /// set, is that algorithm.
    public func fits(_ algorithm: JWSAlgorithm) -> Bool {
        algorithm.keyType == keyType && (self.algorithm == nil || self.algorithm == algorithm)
    }

    /// Checks a JWS signature (RFC 7515 §5.2 step 8) with swift-crypto. ES256 signatures are the
    /// 64-byte `r || s` form (RFC 7518 §3.4), which is `ECDSASignature(rawRepresentation:)`.
    /// - Returns: `false` for a wrong signature and for an algorithm this key cannot verify.
    func isValidSignature(_ signature: [UInt8], for signingInput: [UInt8], algorithm: JWSAlgorithm) -> Bool {
        switch (material, algorithm) {
        case (.p256(let key), .es256):
            guard let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(ecdsa, for: signingInput)
        case (.ed25519(let key), .edDSA):
            return key.isValidSignature(signature, for: signingInput)
        case (.rsa(let key), .rs256):
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput, padding: .insecurePKCS1v1_5)
        case (.rsa(let key), .ps256):
            // swift-crypto's PSS uses MGF1-SHA-256 and a salt as long as the digest, as RFC 7518 §3.5 requires.
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput, padding: .PSS)
        case (.p256, _), (.ed25519, _), (.rsa, _):
            return false
        }
    }
}

import Crypto
import CryptoExtras
public import Foundation
public import ZeroTouchCore

/// A private signing key with its algorithm and `kid`: ES256 (the default, decisions.md "Signing
/// algorithms"), EdDSA with Ed25519, RS256 or PS256 with RSA of 2048 bits.
///
/// Stored as PKCS#8 PEM (`StoredSigningKey.privateKeyPEM`, RFC 5958; Ed25519 per RFC 8410). The
/// `kid` is the RFC 7638 thumbprint of the public key unless another is given, so the same key
/// always gets the same `kid`.
public struct SigningKey: Sendable {
    /// The private key material; the case is the key type.
    enum Material: Sendable {
        case p256(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
    }

    /// The JWS algorithm this key signs with (stamped as `alg`).
    public let algorithm: JWSAlgorithm
    /// The key's `kid` (stamped on every token it signs).
    public let keyID: KeyID
    /// The public half as published in a JWKS: `use: sig`, `alg` and `kid` set (RFC 7517 §4).
    public let publicJWK: JWK
    /// The public half, ready to verify this key's tokens.
    public let verificationKey: VerificationKey
    let material: Material

    /// The RSA modulus size used for new RS256/PS256 keys (RFC 7518 §3.3 requires at least 2048).
    public static let rsaKeySize = 2048

    init(material: Material, algorithm: JWSAlgorithm, keyID: KeyID?) throws(SigningKeyError) {
        var jwk = try Self.publicJWK(of: material, algorithm: algorithm)
        let keyID = keyID ?? KeyID(jwk.thumbprint() ?? "")
        jwk.keyID = keyID
        jwk.algorithm = algorithm.rawValue
        jwk.use = "sig"
        guard let verificationKey = try? VerificationKey(jwk: jwk) else { throw .invalidPrivateKey(algorithm: algorithm) }
        self.material = material
        self.algorithm = algorithm
        self.keyID = keyID
        self.publicJWK = jwk
        self.verificationKey = verificationKey
    }

    /// Generates a fresh key for `algorithm`.
    /// - Parameters:
    ///   - algorithm: ES256 by default.
    ///   - keyID: The `kid`; by default the RFC 7638 thumbprint.
    /// - Throws: `SigningKeyError.keyGenerationFailed`.
    public static func generate(_ algorithm: JWSAlgorithm = .es256, keyID: KeyID? = nil) throws(SigningKeyError) -> SigningKey {
        let material: Material
        switch algorithm {
        case .es256: material = .p256(P256.Signing.PrivateKey())
        case .edDSA: material = .ed25519(Curve25519.Signing.PrivateKey())
        case .rs256, .ps256:
            guard let key = try? _RSA.Signing.PrivateKey(keySize: .init(bitCount: rsaKeySize)) else {
                throw .keyGenerationFailed(algorithm: algorithm)
            }
            material = .rsa(key)
        }
        return try SigningKey(material: material, algorithm: algorithm, keyID: keyID)
    }

    /// Loads a key from PEM: PKCS#8 (`PRIVATE KEY`) for every algorithm; swift-crypto also reads
    /// SEC1 (`EC PRIVATE KEY`) and PKCS#1 (`RSA PRIVATE KEY`).
    /// - Parameters:
    ///   - pem: The private key.
    ///   - algorithm: The algorithm the key is for; a key of another type is refused.
    ///   - keyID: The `kid`; by default the RFC 7638 thumbprint.
    /// - Throws: `SigningKeyError.invalidPrivateKey`.
    public init(pem: String, algorithm: JWSAlgorithm, keyID: KeyID? = nil) throws(SigningKeyError) {
        let material: Material
        do {
            switch algorithm {
            case .es256: material = .p256(try P256.Signing.PrivateKey(pemRepresentation: pem))
            case .edDSA: material = .ed25519(try Curve25519.Signing.PrivateKey(pemRepresentation: pem))
            case .rs256, .ps256: material = .rsa(try _RSA.Signing.PrivateKey(pemRepresentation: pem))
            }
        } catch {
            throw .invalidPrivateKey(algorithm: algorithm)
        }
        try self.init(material: material, algorithm: algorithm, keyID: keyID)
    }

    /// Loads a persisted key, keeping its stored `kid`.
    /// - Throws: `SigningKeyError.unsupportedAlgorithm`, `.invalidPrivateKey`.
    public init(stored: StoredSigningKey) throws(SigningKeyError) {
        guard let algorithm = JWSAlgorithm(rawValue: stored.algorithm) else { throw .unsupportedAlgorithm(stored.algorithm) }
        try self.init(pem: stored.privateKeyPEM, algorithm: algorithm, keyID: stored.keyID)
    }

    /// The private key as PKCS#8 PEM (RFC 5958, RFC 7468 §10; Ed25519 per RFC 8410 §7).
    public var pkcs8PEM: String {
        switch material {
        case .p256(let key): key.pemRepresentation
        case .ed25519(let key): key.pemRepresentation
        case .rsa(let key): key.pkcs8PEMRepresentation
        }
    }

    /// The record to persist: the active key created at `createdAt`.
    public func storedKey(createdAt: Date) -> StoredSigningKey {
        StoredSigningKey(keyID: keyID, algorithm: algorithm.rawValue, privateKeyPEM: pkcs8PEM, createdAt: createdAt)
    }

    /// The JWS signature of `signingInput` (RFC 7515 §5.1 step 5): `r || s` for ES256 (RFC 7518
    /// §3.4), Ed25519 (RFC 8037 §3.1), PKCS#1 v1.5 or PSS with SHA-256 for RSA (RFC 7518 §3.3, §3.5).
    /// - Throws: `SigningKeyError.signingFailed`.
    func signature(for signingInput: [UInt8]) throws(SigningKeyError) -> [UInt8] {
        do {
            switch material {
            case .p256(let key): return Array(try key.signature(for: signingInput).rawRepresentation)
            case .ed25519(let key): return Array(try key.signature(for: signingInput))
            case .rsa(let key):
                let padding: _RSA.Signing.Padding = algorithm == .ps256 ? .PSS : .insecurePKCS1v1_5
                return Array(try key.signature(for: signingInput, padding: padding).rawRepresentation)
            }
        } catch {
            throw .signingFailed(algorithm: algorithm)
        }
    }

    /// The public JWK members of `material` (RFC 7518 §6.2.1, §6.3.1; RFC 8037 §2), without `kid`/`alg`/`use`.
    private static func publicJWK(of material: Material, algorithm: JWSAlgorithm) throws(SigningKeyError) -> JWK {
        switch material {
        case .p256(let key):
            let point = Array(key.publicKey.rawRepresentation)
            return JWK(keyType: "EC", curve: "P-256", x: Base64URL.encode(point[0..<32]), y: Base64URL.encode(point[32..<64]))
        case .ed25519(let key):
            return JWK(keyType: "OKP", curve: "Ed25519", x: Base64URL.encode(key.publicKey.rawRepresentation))
        case .rsa(let key):
            guard let primitives = try? key.publicKey.getKeyPrimitives() else { throw .invalidPrivateKey(algorithm: algorithm) }
            // RFC 7518 §6.3.1: unsigned big-endian without leading zero octets.
            return JWK(
                keyType: "RSA", modulus: Base64URL.encode(primitives.modulus.drop { $0 == 0 }),
                exponent: Base64URL.encode(primitives.publicExponent.drop { $0 == 0 }))
        }
    }
}

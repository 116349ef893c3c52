import Crypto
import CryptoExtras
import Foundation
import ZeroTouchCore

extension VerificationKey {
    /// Reads a public JWK (RFC 7517 §4, RFC 7518 §6.2–6.3, RFC 8037 §2). Only `P-256` EC keys,
    /// `Ed25519` OKP keys and RSA keys of 2048 bits or more are usable; `use`, when present, must be
    /// `sig`; `alg`, when present, must be an algorithm ZeroTouch verifies and fit the key type.
    /// - Throws: `JWKSkipReason` naming the first problem.
    public init(jwk: JWK) throws(JWKSkipReason) {
        if let use = jwk.use, use != "sig" { throw .notForSignatures(use: use) }
        guard ["EC", "OKP", "RSA"].contains(jwk.keyType) else { throw .unsupportedKeyType(jwk.keyType) }
        var algorithm: JWSAlgorithm?
        if let name = jwk.algorithm {
            guard let parsed = JWSAlgorithm(rawValue: name) else { throw .unsupportedAlgorithm(name) }
            guard parsed.keyType == jwk.keyType else { throw .algorithmDoesNotFitKeyType(algorithm: parsed, keyType: jwk.keyType) }
            algorithm = parsed
        }
        let material: Material
        switch jwk.keyType {
        case "EC": material = try Self.ecMaterial(jwk)
        case "OKP": material = try Self.okpMaterial(jwk)
        case "RSA": material = try Self.rsaMaterial(jwk)
        default: throw .unsupportedKeyType(jwk.keyType)
        }
        self.init(keyID: jwk.keyID, algorithm: algorithm, jwk: jwk, material: material)
    }

    /// A P-256 point from `x` and `y`, each exactly 32 bytes (RFC 7518 §6.2.1.2–6.2.1.3).
    private static func ecMaterial(_ jwk: JWK) throws(JWKSkipReason) -> Material {
        let curve = try required(jwk.curve, "crv")
        guard curve == "P-256" else { throw .unsupportedCurve(curve) }
        let x = try bytes(jwk.x, "x", count: 32)
        let y = try bytes(jwk.y, "y", count: 32)
        guard let key = try? P256.Signing.PublicKey(rawRepresentation: x + y) else { throw .invalidKeyMaterial }
        return .p256(key)
    }

    /// An Ed25519 public key from `x`, exactly 32 bytes (RFC 8037 §2).
    private static func okpMaterial(_ jwk: JWK) throws(JWKSkipReason) -> Material {
        let curve = try required(jwk.curve, "crv")
        guard curve == "Ed25519" else { throw .unsupportedCurve(curve) }
        let x = try bytes(jwk.x, "x", count: 32)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: x) else { throw .invalidKeyMaterial }
        return .ed25519(key)
    }

    /// An RSA public key from `n` and `e`; swift-crypto refuses moduli under 2048 bits (RFC 7518 §3.3).
    private static func rsaMaterial(_ jwk: JWK) throws(JWKSkipReason) -> Material {
        let n = try bytes(jwk.modulus, "n", count: nil)
        let e = try bytes(jwk.exponent, "e", count: nil)
        guard let key = try? _RSA.Signing.PublicKey(n: n, e: e) else { throw .invalidKeyMaterial }
        return .rsa(key)
    }

    private static func required(_ value: String?, _ name: String) throws(JWKSkipReason) -> String {
        guard let value else { throw .missingMember(name: name) }
        return value
    }

    private static func bytes(_ value: String?, _ name: String, count: Int?) throws(JWKSkipReason) -> [UInt8] {
        let text = try required(value, name)
        guard let decoded = Base64URL.decode(text), !decoded.isEmpty, count == nil || decoded.count == count else {
            throw .invalidBase64URL(member: name)
        }
        return decoded
    }
}

/// The asymmetric JWS algorithms ZeroTouch signs and verifies (RFC 7518 §3.1, RFC 8037 §3.1).
///
/// There is no `none` and no HMAC case: a verifier holds only public keys, so a symmetric
/// algorithm could only ever be "verified" with a public key as the secret (RFC 8725 §2.1, §3.1).
public enum JWSAlgorithm: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// ECDSA with P-256 and SHA-256 (RFC 7518 §3.4). ZeroTouch's default for signing.
    case es256 = "ES256"
    /// Ed25519 (RFC 8037 §3.1).
    case edDSA = "EdDSA"
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3).
    case rs256 = "RS256"
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 7518 §3.5).
    case ps256 = "PS256"

    /// The allow-list a verifier of another party's tokens starts from (decisions.md "Signing algorithms").
    public static let standardAllowList: Set<JWSAlgorithm> = [.es256, .rs256, .ps256, .edDSA]

    /// The JWK `kty` of keys that can make this algorithm's signatures (RFC 7518 §6.1, RFC 8037 §2).
    public var keyType: String {
        switch self {
        case .es256: "EC"
        case .edDSA: "OKP"
        case .rs256, .ps256: "RSA"
        }
    }

    /// The `alg` name (RFC 7518 §3.1).
    public var description: String { rawValue }
}

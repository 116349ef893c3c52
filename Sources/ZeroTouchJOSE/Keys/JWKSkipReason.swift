public import ZeroTouchCore

/// Why one key of another party's JWKS was left out (RFC 7517 §5: "implementations SHOULD ignore
/// JWKs within a JWK Set that use kty values that are not understood by them, that are missing
/// required members, or for which values are out of the supported ranges").
public enum JWKSkipReason: Error, Equatable, Sendable, CustomStringConvertible {
    /// The entry of `keys` is not a JSON object.
    case notAnObject
    /// A member is present but not a string.
    case invalidMember(name: String)
    /// A member required for this key type is absent.
    case missingMember(name: String)
    /// A member is not unpadded base64url, or decodes to the wrong length.
    case invalidBase64URL(member: String)
    /// `kty` is not `EC`, `OKP` or `RSA`.
    case unsupportedKeyType(String)
    /// `crv` is not `P-256` (EC) or `Ed25519` (OKP).
    case unsupportedCurve(String)
    /// `use` is present and is not `sig`.
    case notForSignatures(use: String)
    /// `alg` names an algorithm ZeroTouch does not verify.
    case unsupportedAlgorithm(String)
    /// `alg` belongs to another key type than `kty`.
    case algorithmDoesNotFitKeyType(algorithm: JWSAlgorithm, keyType: String)
    /// The key material is rejected by the cryptography (a point off the curve, RSA below 2048 bits).
    case invalidKeyMaterial
    /// An earlier key of the set has the same `kid`; the first one is kept.
    case duplicateKeyID(KeyID)

    /// A one-line explanation for the operator's log.
    public var description: String {
        switch self {
        case .notAnObject: "entry is not a JSON object"
        case .invalidMember(let name): "member '\(name)' is not a string"
        case .missingMember(let name): "member '\(name)' is missing"
        case .invalidBase64URL(let member): "member '\(member)' is not valid base64url of the right length"
        case .unsupportedKeyType(let kty): "key type \(JOSERejection.quoted(kty)) is not supported"
        case .unsupportedCurve(let crv): "curve \(JOSERejection.quoted(crv)) is not supported"
        case .notForSignatures(let use): "use \(JOSERejection.quoted(use)) is not 'sig'"
        case .unsupportedAlgorithm(let alg): "algorithm \(JOSERejection.quoted(alg)) is not supported"
        case .algorithmDoesNotFitKeyType(let alg, let kty): "algorithm \(alg) does not fit key type \(JOSERejection.quoted(kty))"
        case .invalidKeyMaterial: "key material is invalid or too weak"
        case .duplicateKeyID(let kid): "kid \(JOSERejection.quoted(kid.rawValue)) repeats an earlier key; the first is kept"
        }
    }
}

/// Why a signing key could not be made, loaded or used. Operational: our own configuration or
/// storage is at fault, so callers let it become a 500 (`server_error`). Descriptions never
/// contain key material.
public enum SigningKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stored algorithm name is not one ZeroTouch signs with.
    case unsupportedAlgorithm(String)
    /// The PEM is unreadable, not PKCS#8/SEC1, not a key for `algorithm`, or an RSA key under 2048 bits.
    case invalidPrivateKey(algorithm: JWSAlgorithm)
    /// The cryptography library could not generate a key.
    case keyGenerationFailed(algorithm: JWSAlgorithm)
    /// The cryptography library could not sign.
    case signingFailed(algorithm: JWSAlgorithm)
    /// The claims could not be encoded as a JSON object (RFC 7519 §7.1 step 1).
    case claimsNotJSONObject

    /// A one-line explanation for the operator; never contains key material.
    public var description: String {
        switch self {
        case .unsupportedAlgorithm(let name): "signing algorithm \(JOSERejection.quoted(name)) is not supported"
        case .invalidPrivateKey(let alg): "private key is not a valid \(alg) key in PEM"
        case .keyGenerationFailed(let alg): "could not generate a \(alg) key"
        case .signingFailed(let alg): "could not sign with the \(alg) key"
        case .claimsNotJSONObject: "claims do not encode as a JSON object"
        }
    }
}

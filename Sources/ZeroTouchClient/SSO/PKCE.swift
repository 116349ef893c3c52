import Crypto
import Foundation
import ZeroTouchJOSE

/// A PKCE pair for one authorization request (RFC 7636 §4.1–4.2): a random 43-character
/// `code_verifier` and its `S256` challenge, `BASE64URL(SHA256(ASCII(code_verifier)))`.
public struct PKCE: Sendable {
    /// The only method this client uses (RFC 7636 §4.2: `plain` is for clients that cannot hash).
    public static let method = "S256"
    /// The `code_verifier`, sent only to the token endpoint.
    public let verifier: SecretValue
    /// The `code_challenge`, sent in the authorization request.
    public let challenge: String

    /// A new random pair (256 bits of entropy, RFC 7636 §7.1).
    public init() { self.init(verifier: RandomValue.make(byteCount: 32)) }

    /// The pair for a given verifier (for tests and for RFC 7636 Appendix B's example).
    public init(verifier: String) {
        self.verifier = SecretValue(verifier)
        self.challenge = Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8))))
    }
}

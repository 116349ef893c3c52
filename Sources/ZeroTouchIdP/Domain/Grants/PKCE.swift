import Crypto
import Foundation
import ZeroTouchJOSE

/// Proof Key for Code Exchange with the `S256` method only (RFC 7636; OAuth 2.1 §4.1.1: `plain` is
/// not offered, and `code_challenge_methods_supported` says so).
public enum PKCE {
    /// The only method accepted.
    public static let method = "S256"

    /// Whether `verifier` has the RFC 7636 §4.1 form: 43 to 128 characters from `[A-Z a-z 0-9 - . _ ~]`.
    public static func isWellFormedVerifier(_ verifier: String) -> Bool {
        (43...128).contains(verifier.utf8.count) && verifier.utf8.allSatisfy(isUnreserved)
    }

    /// Whether `challenge` can be an S256 challenge: the base64url of a SHA-256 digest, 43 characters.
    public static func isWellFormedChallenge(_ challenge: String) -> Bool {
        challenge.utf8.count == 43 && Base64URL.decode(challenge)?.count == 32
    }

    /// `BASE64URL(SHA256(ASCII(verifier)))` (RFC 7636 §4.2).
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8))))
    }

    /// Whether `verifier` is well formed and hashes to `challenge`, compared in constant time (RFC 7636 §4.6).
    public static func verify(_ verifier: String, against challenge: String) -> Bool {
        guard isWellFormedVerifier(verifier) else { return false }
        let computed = Array(Self.challenge(for: verifier).utf8)
        let expected = Array(challenge.utf8)
        guard computed.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in computed.indices { difference |= computed[index] ^ expected[index] }
        return difference == 0
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

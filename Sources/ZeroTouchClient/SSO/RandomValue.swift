import ZeroTouchJOSE

/// Unguessable values for `state`, `nonce` and PKCE verifiers, from the system's cryptographic
/// random number generator (RFC 6749 §10.10, RFC 7636 §7.1).
enum RandomValue {
    /// `byteCount` random bytes as unpadded base64url (32 bytes give 43 characters, 256 bits).
    static func make(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(bytes)
    }

    /// Whether `a` and `b` are equal, in time that depends only on their lengths.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

public import Foundation
import Crypto
import ZeroTouchJOSE

/// Client secrets: generation, storage as a salted hash, and constant-time verification
/// (RFC 6749 §2.3.1; EMA-S §7.5.1 "client secrets are stored securely").
///
/// A stored hash has the form `zt-hmac-sha256$<salt>$<mac>` (both base64url): the MAC of the secret
/// under a random 16-byte salt. Secrets we generate carry 256 bits of entropy, so a slow password
/// hash adds nothing; the salt keeps equal secrets from having equal hashes. Verification uses
/// `HMAC.isValidAuthenticationCode`, which swift-crypto implements in constant time.
public enum ClientSecret {
    private static let prefix = "zt-hmac-sha256"

    /// A new random secret: 32 bytes, base64url without padding (43 characters).
    public static func generate() -> String {
        Base64URL.encode(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// The storable hash of `secret`.
    public static func hash(_ secret: String) -> String {
        let salt = SymmetricKey(size: .bits128)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(secret.utf8), using: salt)
        let saltBytes = salt.withUnsafeBytes { Array($0) }
        return "\(prefix)$\(Base64URL.encode(saltBytes))$\(Base64URL.encode(Array(mac)))"
    }

    /// Whether `secret` matches `storedHash`, compared in constant time. A malformed hash never matches.
    public static func verify(_ secret: String, against storedHash: String) -> Bool {
        let parts = storedHash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == prefix, let salt = Base64URL.decode(String(parts[1])),
            let mac = Base64URL.decode(String(parts[2])), salt.count == 16, mac.count == 32
        else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(secret.utf8), using: SymmetricKey(data: salt))
    }

    /// Whether `value` looks like a hash this type produced (so configuration can refuse plain secrets).
    public static func isHash(_ value: String) -> Bool { value.hasPrefix(prefix + "$") }
}

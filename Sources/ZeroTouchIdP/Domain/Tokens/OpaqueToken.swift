import Crypto
public import Foundation
import ZeroTouchJOSE

/// A random bearer value: an authorization code, an access token, a refresh token, a session id
/// or a CSRF token (RFC 6749 §10.10: "the probability of an attacker guessing generated tokens …
/// MUST be less than or equal to 2^(-128)"; we use 256 bits).
///
/// Only `hash` is ever stored, so a copy of the store grants nothing; `value` goes to its holder once.
public struct OpaqueToken: Sendable, Equatable {
    /// The value handed to the holder: 32 random bytes, base64url without padding (43 characters).
    public let value: String

    /// Wraps a value received from a holder.
    public init(_ value: String) { self.value = value }

    /// A fresh token from the system CSPRNG.
    public static func generate() -> OpaqueToken {
        OpaqueToken(Base64URL.encode(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }))
    }

    /// The stored form.
    public var hash: TokenHash { TokenHash(of: value) }

    /// The longest value accepted from a holder before hashing; anything longer is unknown.
    public static let maximumLength = 512
}

/// The SHA-256 of an opaque token, in lowercase hex: the key tokens are stored and looked up by.
///
/// Looking a hash up in a dictionary is not constant-time, and need not be: an attacker who can
/// time it learns bits of a SHA-256 output, never of the token (the usual "stored hashed" argument).
public struct TokenHash: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The hex digest.
    public let hex: String

    /// The hash of `value`.
    public init(of value: String) {
        hex = SHA256.hash(data: Data(value.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    /// The first 12 hex digits: enough to tell hashes apart in a log line, too few to matter.
    public var description: String { String(hex.prefix(12)) }
}

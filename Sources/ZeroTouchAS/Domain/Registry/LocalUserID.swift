public import ZeroTouchCore

/// A local account's identifier: the `sub` of the access tokens this server issues (RFC 9068 §2.2),
/// distinct from the IdP's `sub` it is linked to (CONF-490 expects the local id).
public struct LocalUserID: StringIdentifier {
    /// The identifier as written.
    public let rawValue: String
    /// Wraps an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A new random identifier: `u-` and 128 bits from the system CSPRNG in lowercase hex.
    public static func generate() -> LocalUserID {
        var generator = SystemRandomNumberGenerator()
        let hex = [generator.next(), generator.next()].map { (word: UInt64) in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return LocalUserID("u-" + hex.joined())
    }

    /// Whether the identifier is acceptable: 1–255 bytes of printable ASCII without spaces.
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.utf8.count <= 255 && rawValue.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }
}

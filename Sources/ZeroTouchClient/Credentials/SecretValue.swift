/// A secret (client secret, token) whose `description` never shows it, so that it cannot reach a
/// log line or an error by accident (EMA-S §7.5.1, §7.5.4).
public struct SecretValue: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself. Read it only to put it on the wire.
    public let revealed: String

    /// Wraps a secret.
    public init(_ revealed: String) { self.revealed = revealed }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`, so `dump` and debuggers do not show it either.
    public var debugDescription: String { "<redacted>" }

    /// Decodes the secret from a JSON string.
    public init(from decoder: any Decoder) throws { revealed = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes the secret as a JSON string (only the 0600 credential files do this).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(revealed)
    }
}

public import ZeroTouchCore

/// A user's opaque, stable identifier: random, never derived from the username, so renaming a
/// user keeps their `sub` (OpenID Connect Core §2: `sub` is locally unique and never reassigned;
/// ID-JAG §3.1 puts it in the ID-JAG).
public struct UserID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random identifier (128 bits).
    public static func generate() -> UserID { UserID(RandomIdentifier.make(prefix: "u")) }
}

/// A directory group's opaque identifier.
public struct GroupID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random identifier (128 bits).
    public static func generate() -> GroupID { GroupID(RandomIdentifier.make(prefix: "g")) }
}

/// The catalog key of an MCP server. Distinct from its RFC 9728 `resource` identifier (a URI),
/// so that the URI can be corrected without rewriting every policy rule that names the server.
public struct MCPServerID: StringIdentifier, CodingKeyRepresentable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random identifier (128 bits).
    public static func generate() -> MCPServerID { MCPServerID(RandomIdentifier.make(prefix: "s")) }

    /// Encodes dictionaries keyed by server as JSON objects rather than flat arrays.
    public var codingKey: any CodingKey { IdentifierCodingKey(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}

/// A policy rule's identifier, recorded in audit records of grants and denials.
public struct PolicyRuleID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random identifier (128 bits).
    public static func generate() -> PolicyRuleID { PolicyRuleID(RandomIdentifier.make(prefix: "r")) }
}

/// A plain string coding key, for dictionaries keyed by identifiers.
struct IdentifierCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Random identifiers: a short kind prefix and 128 bits from the system CSPRNG, in lowercase hex.
enum RandomIdentifier {
    static func make(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        let hex = words.map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return prefix + "-" + hex.joined()
    }
}

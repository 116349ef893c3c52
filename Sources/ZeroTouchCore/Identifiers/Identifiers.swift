/// A value that wraps a string identifier so that identifiers of different kinds are never mixed up.
public protocol StringIdentifier: RawRepresentable, Hashable, Sendable, Codable, Comparable,
    CustomStringConvertible, ExpressibleByStringLiteral where RawValue == String
{
    init(_ rawValue: String)
}

extension StringIdentifier {
    public init(rawValue: String) { self.init(rawValue) }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An issuer identifier (RFC 8414 §2): the `iss` of tokens and the `audience` of an ID-JAG request.
/// Compared as exact strings, trailing slash included.
public struct Issuer: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// An OAuth client identifier (RFC 6749 §2.2).
public struct ClientID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A protected resource identifier (RFC 8707 §2, RFC 9728 §2): an MCP server's canonical URI.
/// Compared as exact strings: the PRM `resource` flows unchanged into the ID-JAG and the access token `aud`.
public struct ResourceIdentifier: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A JWT ID (RFC 7519 §4.1.7).
public struct JTI: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A subject identifier (`sub`, RFC 7519 §4.1.2) as issued by some issuer.
public struct Subject: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A key identifier (`kid`, RFC 7515 §4.1.4).
public struct KeyID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A set of scope tokens (RFC 6749 §3.3): space-delimited, case-sensitive, order-insensitive.
public struct Scope: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// The scope tokens.
    public private(set) var tokens: Set<String>

    /// Creates a scope from tokens already known to be valid.
    public init(_ tokens: some Sequence<String>) { self.tokens = Set(tokens) }
    public init(arrayLiteral elements: String...) { self.init(elements) }

    /// Parses a `scope` parameter per the RFC 6749 §3.3 grammar:
    /// `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )`, separated by single spaces.
    /// - Throws: `OAuthErrorResponse` with `invalid_scope` when a token has a forbidden character
    ///   or the value has empty tokens.
    public init(parsing value: String) throws(OAuthErrorResponse) {
        if value.isEmpty {
            self.tokens = []
            return
        }
        var tokens = Set<String>()
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            guard !token.isEmpty else {
                throw OAuthErrorResponse(.invalidScope, description: "scope must be scope tokens separated by single spaces")
            }
            guard token.unicodeScalars.allSatisfy(Self.isScopeCharacter) else {
                throw OAuthErrorResponse(.invalidScope, description: "scope contains a character RFC 6749 §3.3 does not allow")
            }
            tokens.insert(String(token))
        }
        self.tokens = tokens
    }

    private static func isScopeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x21 || (0x23...0x5B).contains(v) || (0x5D...0x7E).contains(v)
    }

    /// Whether there are no tokens.
    public var isEmpty: Bool { tokens.isEmpty }
    /// The tokens in a stable (sorted) order.
    public var sorted: [String] { tokens.sorted() }
    /// The wire form: sorted tokens separated by single spaces.
    public var description: String { sorted.joined(separator: " ") }
    /// The wire form, or `nil` when empty.
    public var parameterValue: String? { isEmpty ? nil : description }

    public func contains(_ token: String) -> Bool { tokens.contains(token) }
    public func isSubset(of other: Scope) -> Bool { tokens.isSubset(of: other.tokens) }
    public func intersection(_ other: Scope) -> Scope { Scope(tokens.intersection(other.tokens)) }
    public func union(_ other: Scope) -> Scope { Scope(tokens.union(other.tokens)) }
    public func subtracting(_ other: Scope) -> Scope { Scope(tokens.subtracting(other.tokens)) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

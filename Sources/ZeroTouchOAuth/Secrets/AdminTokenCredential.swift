/// A presented admin API bearer token, `<id>.<secret>`, shared by the IdP's and the authorization
/// server's admin APIs: the id finds the stored record, the secret is checked against its salted
/// hash (`ClientSecret`) in constant time, and an unknown id spends the same work as a known one so
/// that timing does not reveal which ids exist.
public struct AdminTokenCredential: Sendable, CustomStringConvertible {
    /// The public part, which names the stored record.
    public let id: String
    private let secret: String

    /// The value to hand over for a new token with `id`, and the hash to store; the value is shown
    /// once and never stored.
    public static func issue(id: String) -> (value: String, secretHash: String) {
        let secret = ClientSecret.generate()
        return ("\(id).\(secret)", ClientSecret.hash(secret))
    }

    /// Splits a presented value, or `nil` when it is longer than `maximumLength` bytes or has no `.`.
    public init?(presented: String, maximumLength: Int) {
        guard presented.utf8.count <= maximumLength else { return nil }
        let parts = presented.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        id = String(parts[0])
        secret = String(parts[1])
    }

    /// Whether the secret matches `storedHash`, compared in constant time. Without a stored hash
    /// (an unknown id) the same check runs against a hash nothing matches.
    public func matches(storedHash: String?) -> Bool {
        ClientSecret.verify(secret, against: storedHash ?? Self.unmatchableHash)
    }

    /// Names the token id only, never the secret.
    public var description: String { "AdminTokenCredential(\(id))" }

    private static let unmatchableHash = ClientSecret.hash(ClientSecret.generate())
}

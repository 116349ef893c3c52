public import Foundation

/// A bearer token for the admin API, stored as a salted hash (`ClientSecret.hash`) so that a copy of
/// the database grants nothing. The presented value is `<id>.<secret>`: the id finds the record, the
/// secret is compared in constant time.
public struct AdminToken: Codable, Sendable, Equatable, Identifiable, CustomStringConvertible {
    /// The public part of the token, `adm-` and 64 random bits in hex.
    public var id: String
    /// Who holds the token; recorded as the actor of every change made with it.
    public var name: String
    /// The hash of the secret part.
    public var secretHash: String
    /// When the token was created.
    public var createdAt: Date

    /// Creates a token record.
    public init(id: String, name: String, secretHash: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.secretHash = secretHash
        self.createdAt = createdAt
    }

    /// A log-safe summary (never the hash).
    public var description: String { "AdminToken(\(id), name: \(name))" }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case secretHash = "secret_hash"
        case createdAt = "created_at"
    }
}

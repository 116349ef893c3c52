public import Foundation

/// A bearer token for the IdP's admin API (issue 3, item 9), created by `zerotouch admin tokens create`.
///
/// The presented value is `<id>.<secret>`: the id finds the record, the secret is checked against a
/// salted hash (`ClientSecret.hash`) in constant time, so a copy of the database grants nothing.
public struct IdPAdminToken: Codable, Sendable, Equatable, Identifiable, CustomStringConvertible {
    /// The public part: `adm-` and 128 random bits in hex.
    public var id: String
    /// Who holds the token: the actor of every change made with it.
    public var name: String
    public var secretHash: String
    public var createdAt: Date

    public init(id: String, name: String, secretHash: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.secretHash = secretHash
        self.createdAt = createdAt
    }

    /// A log-safe summary: never the hash.
    public var description: String { "IdPAdminToken(\(id), name: \(name))" }

    /// What may be shown of a token: its id, name and creation time.
    public var summary: IdPAdminTokenSummary { IdPAdminTokenSummary(id: id, name: name, createdAt: createdAt) }
}

/// An admin token without its hash.
public struct IdPAdminTokenSummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var createdAt: Date
}

/// A newly created admin token: the value is shown once and never stored.
public struct CreatedAdminToken: Sendable {
    public var summary: IdPAdminTokenSummary
    /// `<id>.<secret>`, for `Authorization: Bearer`.
    public var value: String
}

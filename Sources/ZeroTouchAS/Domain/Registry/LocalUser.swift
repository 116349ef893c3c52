public import Foundation

/// An account of this authorization server, the `sub` of the access tokens it issues, linked to
/// one or more IdP subjects (ID-JAG §3.1, EMA docs "For MCP Authorization Servers": the IdP `sub`
/// is the stable identifier).
public struct LocalUser: Codable, Sendable, Equatable, Identifiable, CustomStringConvertible {
    /// The local identifier.
    public var id: LocalUserID
    /// The IdP subjects linked to this account.
    public var identities: [LinkedIdentity]
    /// A disabled user gets no new tokens and their tokens introspect as inactive (issue 4, item 5).
    public var isDisabled: Bool
    /// When the account was created.
    public var createdAt: Date
    /// Whether the account was created just in time by a redemption rather than by an administrator.
    public var isProvisioned: Bool

    /// Creates an account.
    public init(id: LocalUserID, identities: [LinkedIdentity] = [], isDisabled: Bool = false, createdAt: Date, isProvisioned: Bool = false) {
        self.id = id
        self.identities = identities
        self.isDisabled = isDisabled
        self.createdAt = createdAt
        self.isProvisioned = isProvisioned
    }

    /// A log-safe summary.
    public var description: String { "LocalUser(\(id), identities: \(identities.count), disabled: \(isDisabled))" }

    enum CodingKeys: String, CodingKey {
        case id
        case identities
        case isDisabled = "disabled"
        case createdAt = "created_at"
        case isProvisioned = "provisioned"
    }
}

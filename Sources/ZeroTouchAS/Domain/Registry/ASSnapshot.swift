public import Foundation
public import ZeroTouchCore

/// The authorization server's whole configuration in memory, read on the hot path without a query
/// (issue 4, "Speed"). A value: readers keep a consistent copy while an admin change builds the next.
public struct ASSnapshot: Sendable, Equatable {
    /// The store version this snapshot reflects.
    public internal(set) var version: Int64 = 0
    /// Trusted IdPs by issuer.
    public internal(set) var trustedIssuers: [Issuer: TrustedIssuer] = [:]
    /// Registered clients by id.
    public internal(set) var clients: [ClientID: RegisteredClient] = [:]
    /// Registered resources by identifier.
    public internal(set) var resources: [ResourceIdentifier: ProtectedResource] = [:]
    /// Local users by id.
    public internal(set) var users: [LocalUserID: LocalUser] = [:]
    /// Local user ids by linked IdP identity.
    public internal(set) var usersByIdentity: [LinkedIdentity: LocalUserID] = [:]
    /// Revoked access-token `jti`s with their expiry.
    public internal(set) var revokedTokens: [JTI: Date] = [:]
    /// Admin API tokens by id.
    public internal(set) var adminTokens: [String: AdminToken] = [:]

    /// An empty configuration.
    public init() {}

    /// The local user linked to `identity`, if any.
    public func user(linkedTo identity: LinkedIdentity) -> LocalUser? {
        usersByIdentity[identity].flatMap { users[$0] }
    }

    /// Whether the access token `jti` was revoked.
    public func isRevoked(_ jti: JTI) -> Bool { revokedTokens[jti] != nil }

    /// Applies one stored change, decoding its document by collection; unknown collections are ignored.
    /// - Throws: a `DecodingError` when a stored document is corrupt.
    mutating func apply(_ change: DocumentChange) throws {
        switch change {
        case .insert(let collection, let id, let body), .put(let collection, let id, let body):
            try put(collection: collection, id: id, body: body)
        case .delete(let collection, let id):
            delete(collection: collection, id: id)
        }
    }

    private mutating func put(collection: String, id: String, body: Data) throws {
        let decoder = DocumentCoding.decoder
        switch ASCollection(rawValue: collection) {
        case .trustedIssuers:
            let value = try decoder.decode(TrustedIssuer.self, from: body)
            trustedIssuers[value.issuer] = value
        case .clients:
            let value = try decoder.decode(RegisteredClient.self, from: body)
            clients[value.id] = value
        case .resources:
            let value = try decoder.decode(ProtectedResource.self, from: body)
            resources[value.identifier] = value
        case .users:
            let value = try decoder.decode(LocalUser.self, from: body)
            if let previous = users[value.id] {
                for identity in previous.identities where usersByIdentity[identity] == value.id { usersByIdentity[identity] = nil }
            }
            users[value.id] = value
            for identity in value.identities { usersByIdentity[identity] = value.id }
        case .revocations:
            let value = try decoder.decode(RevokedToken.self, from: body)
            revokedTokens[value.jti] = value.expiresAt
        case .adminTokens:
            let value = try decoder.decode(AdminToken.self, from: body)
            adminTokens[value.id] = value
        case .identities, nil:
            break
        }
    }

    private mutating func delete(collection: String, id: String) {
        switch ASCollection(rawValue: collection) {
        case .trustedIssuers: trustedIssuers[Issuer(id)] = nil
        case .clients: clients[ClientID(id)] = nil
        case .resources: resources[ResourceIdentifier(id)] = nil
        case .users:
            if let removed = users.removeValue(forKey: LocalUserID(id)) {
                for identity in removed.identities where usersByIdentity[identity] == removed.id { usersByIdentity[identity] = nil }
            }
        case .revocations: revokedTokens[JTI(id)] = nil
        case .adminTokens: adminTokens[id] = nil
        case .identities, nil: break
        }
    }
}

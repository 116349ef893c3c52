import Foundation
import ZeroTouchCore
import ZeroTouchOAuth

extension IdPRegistry {
    /// The collection of admin tokens. Not part of `IdPState`: tokens are read per admin request, not
    /// held in the snapshot.
    static let adminTokenCollection = "idp-admin-tokens"

    /// Creates an admin token named `name`, audited as `admin.token.create`.
    /// - Returns: the token, whose value is shown once.
    /// - Throws: `IdPAdminError.invalidInput`; store errors.
    public func createAdminToken(name: String, by actor: String) async throws -> CreatedAdminToken {
        try AdminValidation.actor(actor)
        try AdminValidation.name(name, field: "name")
        let id = RandomIdentifier.make(prefix: "adm")
        let issued = AdminTokenCredential.issue(id: id)
        let token = IdPAdminToken(id: id, name: name, secretHash: issued.secretHash, createdAt: timestamp)
        let changes = [try DocumentCoding.insert(token, in: Self.adminTokenCollection, id: token.id)]
        try await commit(changes, audit: adminRecord("token.create", actor: actor, details: ["token_id": token.id, "name": name]))
        return CreatedAdminToken(summary: token.summary, value: issued.value)
    }

    /// Every admin token, without hashes, ordered by creation.
    /// - Throws: store errors.
    public func adminTokens() async throws -> [IdPAdminTokenSummary] {
        try await store.loadAll(IdPAdminToken.self, from: Self.adminTokenCollection).map(\.summary).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Revokes an admin token, audited as `admin.token.revoke`.
    /// - Throws: `IdPAdminError.notFound`; store errors.
    public func revokeAdminToken(_ id: String, by actor: String) async throws {
        try AdminValidation.actor(actor)
        guard id.utf8.count <= 100, let token = try await store.load(IdPAdminToken.self, from: Self.adminTokenCollection, id: id) else {
            throw IdPAdminError.notFound(.adminToken, id: String(id.prefix(100)))
        }
        let changes: [DocumentChange] = [.delete(collection: Self.adminTokenCollection, id: id)]
        try await commit(changes, audit: adminRecord("token.revoke", actor: actor, details: ["token_id": id, "name": token.name]))
    }

    /// The holder of a presented `<id>.<secret>` admin token, or `nil`. The secret is checked in constant
    /// time; an unknown id spends the same work so that timing does not reveal which ids exist.
    /// - Throws: store errors.
    public func adminTokenHolder(_ presented: String) async throws -> IdPAdminTokenSummary? {
        guard let credential = AdminTokenCredential(presented: presented, maximumLength: 200) else { return nil }
        let token = try await store.load(IdPAdminToken.self, from: Self.adminTokenCollection, id: credential.id)
        return credential.matches(storedHash: token?.secretHash) ? token?.summary : nil
    }
}

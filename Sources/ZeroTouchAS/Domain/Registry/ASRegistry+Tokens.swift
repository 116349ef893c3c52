public import Foundation
public import ZeroTouchCore
import ZeroTouchOAuth

/// Access-token revocation (RFC 7009) and the admin API's bearer tokens.
extension ASRegistry {
    /// Records that the access token `jti` is revoked until it expires, and forgets revocations that
    /// expired, in one audited transaction.
    /// - Parameters:
    ///   - jti: the access token's `jti`.
    ///   - expiresAt: its `exp`.
    ///   - clientID: the client the token was issued to.
    ///   - subject: the local user it was issued for.
    ///   - actor: who revoked it (the client, or an administrator).
    /// - Throws: an operational error.
    public func revoke(_ jti: JTI, expiresAt: Date, clientID: ClientID?, subject: String?, actor: String) async throws {
        let now = clock.now
        guard !snapshot.isRevoked(jti), expiresAt > now else { return }
        let purges = snapshot.revokedTokens.filter { $0.value <= now }.keys.sorted().map {
            DocumentChange.delete(collection: ASCollection.revocations.rawValue, id: $0.rawValue)
        }
        let record = RevokedToken(jti: jti, expiresAt: expiresAt, revokedAt: now)
        var audit = auditRecord("token.revoke", actor: actor, subject: subject, clientID: clientID?.rawValue)
        audit.jti = jti.rawValue
        try await commit(purges + [DocumentCoding.put(record, in: ASCollection.revocations.rawValue, id: jti.rawValue)], audit: audit)
    }

    /// Creates an admin API token.
    /// - Parameters:
    ///   - name: who will hold it, recorded as the actor of their changes.
    ///   - actor: who created it.
    /// - Returns: the token to hand over, `<id>.<secret>`; only its hash is stored, so it is shown once.
    /// - Throws: `ASRegistryError.invalid`, or an operational error.
    public func createAdminToken(name: String, actor: String) async throws -> String {
        guard !name.isEmpty, name.utf8.count <= 100 else { throw ASRegistryError.invalid("token name must be 1–100 bytes") }
        var generator = SystemRandomNumberGenerator()
        let word: UInt64 = generator.next()
        let digits = String(word, radix: 16)
        let id = "adm-" + String(repeating: "0", count: 16 - digits.count) + digits
        let issued = AdminTokenCredential.issue(id: id)
        let token = AdminToken(id: id, name: name, secretHash: issued.secretHash, createdAt: clock.now)
        try await commit(
            [DocumentCoding.insert(token, in: ASCollection.adminTokens.rawValue, id: id)],
            audit: auditRecord("admin.token.create", actor: actor, details: ["token_id": id, "name": name]))
        return issued.value
    }

    /// Deletes an admin API token.
    /// - Throws: `ASRegistryError.notFound`, or an operational error.
    public func removeAdminToken(id: String, actor: String) async throws {
        guard snapshot.adminTokens[id] != nil else { throw ASRegistryError.notFound("admin token \(id)") }
        try await commit(
            [.delete(collection: ASCollection.adminTokens.rawValue, id: id)],
            audit: auditRecord("admin.token.delete", actor: actor, details: ["token_id": id]))
    }

    /// The admin token `presented` authenticates, compared in constant time; `nil` when none does.
    /// An unknown id costs the same hash check as a known one.
    public nonisolated func authenticateAdmin(_ presented: String) -> AdminToken? {
        guard let credential = AdminTokenCredential(presented: presented, maximumLength: 256) else { return nil }
        let token = snapshot.adminTokens[credential.id]
        return credential.matches(storedHash: token?.secretHash) ? token : nil
    }
}

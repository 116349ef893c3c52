import ZeroTouchCore

extension IdPRegistry {
    /// Adds an MCP server to the catalog. Its `createdAt` is set to now; resource identifiers are unique.
    /// - Throws: `IdPAdminError` (`invalidInput`, `conflict`); store errors.
    @discardableResult
    public func createServer(_ server: MCPServer, by actor: String) async throws -> MCPServer {
        try AdminValidation.actor(actor)
        var server = server
        server.createdAt = timestamp
        try server.validate(endpointPolicy: endpointPolicy)
        let changes = [try DocumentCoding.insert(server, in: IdPCollection.servers, id: server.id.rawValue), try resourceKey(of: server)]
        try await commit(changes, audit: record("server.create", server, actor: actor))
        return server
    }

    /// Replaces a catalog entry; `createdAt` is kept. A changed resource identifier must be free.
    /// - Throws: `IdPAdminError`; store errors.
    @discardableResult
    public func updateServer(_ server: MCPServer, by actor: String) async throws -> MCPServer {
        try AdminValidation.actor(actor)
        guard let existing = snapshot.server(server.id) else { throw IdPAdminError.notFound(.server, id: server.id.rawValue) }
        var server = server
        server.createdAt = existing.createdAt
        try server.validate(endpointPolicy: endpointPolicy)
        var changes = [try DocumentCoding.put(server, in: IdPCollection.servers, id: server.id.rawValue)]
        if existing.resource != server.resource {
            changes.append(.delete(collection: IdPCollection.resourceKeys, id: IdPCollection.keyID(existing.resource.rawValue)))
            changes.append(try resourceKey(of: server))
        }
        try await commit(changes, audit: record("server.update", server, actor: actor))
        return server
    }

    /// Removes an MCP server from the catalog, and from every client's per-server `client_id` map.
    /// - Throws: `IdPAdminError` (`notFound`; `conflict` while a policy rule names the server); store errors.
    public func deleteServer(_ id: MCPServerID, by actor: String) async throws {
        try AdminValidation.actor(actor)
        let snapshot = snapshot
        guard let server = snapshot.server(id) else { throw IdPAdminError.notFound(.server, id: id.rawValue) }
        try refuseWhileReferenced(.server, id: id.rawValue) { $0.servers?.contains(id) == true }
        var changes: [DocumentChange] = [
            .delete(collection: IdPCollection.servers, id: id.rawValue),
            .delete(collection: IdPCollection.resourceKeys, id: IdPCollection.keyID(server.resource.rawValue)),
        ]
        for var client in snapshot.clients where client.serverClientIDs[id] != nil {
            client.serverClientIDs[id] = nil
            changes.append(try DocumentCoding.put(client, in: IdPCollection.clients, id: client.id.rawValue))
        }
        try await commit(changes, audit: record("server.delete", server, actor: actor))
    }

    private func record(_ event: String, _ server: MCPServer, actor: String) -> AuditRecord {
        adminRecord(
            event, actor: actor, resource: server.resource,
            details: ["server_id": server.id.rawValue, "name": server.name, "audience": server.authorizationServer.rawValue])
    }

    private func resourceKey(of server: MCPServer) throws -> DocumentChange {
        try DocumentCoding.insert(
            UniqueKeyOwner(owner: server.id.rawValue), in: IdPCollection.resourceKeys, id: IdPCollection.keyID(server.resource.rawValue))
    }
}

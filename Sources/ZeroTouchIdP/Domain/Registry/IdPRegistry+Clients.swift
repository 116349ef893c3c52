public import ZeroTouchCore

extension IdPRegistry {
    /// Registers a client. Its `createdAt` is set to now. A secret client passes the secret's hash,
    /// never the secret: the caller generates the secret, shows it once and hashes it.
    /// - Throws: `IdPAdminError` (`invalidInput`, `notFound` for an unknown server, `conflict` for a taken id); store errors.
    @discardableResult
    public func createClient(_ client: RegisteredClient, by actor: String) async throws -> RegisteredClient {
        try AdminValidation.actor(actor)
        var client = client
        client.createdAt = timestamp
        try client.validate(in: snapshot, endpointPolicy: endpointPolicy)
        let changes = [try DocumentCoding.insert(client, in: IdPCollection.clients, id: client.id.rawValue)]
        try await commit(changes, audit: adminRecord("client.create", actor: actor, clientID: client.id, details: Self.details(of: client)))
        return client
    }

    /// Replaces a client's registration (name, credentials, redirect URIs, per-server client ids);
    /// `createdAt` is kept. Disable a client by setting `credentials.isDisabled`.
    /// - Throws: `IdPAdminError`; store errors.
    @discardableResult
    public func updateClient(_ client: RegisteredClient, by actor: String) async throws -> RegisteredClient {
        try AdminValidation.actor(actor)
        guard let existing = snapshot.client(client.id) else { throw IdPAdminError.notFound(.client, id: client.id.rawValue) }
        var client = client
        client.createdAt = existing.createdAt
        try client.validate(in: snapshot, endpointPolicy: endpointPolicy)
        let changes = [try DocumentCoding.put(client, in: IdPCollection.clients, id: client.id.rawValue)]
        var details = Self.details(of: client)
        details["credentials_changed"] = String(existing.credentials != client.credentials)
        try await commit(changes, audit: adminRecord("client.update", actor: actor, clientID: client.id, details: details))
        return client
    }

    /// Deletes a client.
    /// - Throws: `IdPAdminError` (`notFound`; `conflict` while a policy rule names the client); store errors.
    public func deleteClient(_ id: ClientID, by actor: String) async throws {
        try AdminValidation.actor(actor)
        guard let client = snapshot.client(id) else { throw IdPAdminError.notFound(.client, id: id.rawValue) }
        try refuseWhileReferenced(.client, id: id.rawValue) { $0.clients?.contains(id) == true }
        let changes: [DocumentChange] = [.delete(collection: IdPCollection.clients, id: id.rawValue)]
        try await commit(changes, audit: adminRecord("client.delete", actor: actor, clientID: id, details: ["name": client.name]))
    }

    /// What the audit record keeps of a client: its name and method, never the secret hash or keys.
    private static func details(of client: RegisteredClient) -> [String: String] {
        ["name": client.name, "method": client.credentials.method.rawValue, "disabled": String(client.isDisabled)]
    }
}

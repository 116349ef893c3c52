public import ZeroTouchCore

/// Administration of trusted IdPs, clients and resources (issue 4, item 2). Each change is validated,
/// then stored together with its audit record (`admin.trust.*`, `admin.client.*`, `admin.resource.*`).
extension ASRegistry {
    /// Adds or replaces a trusted IdP.
    /// - Parameters:
    ///   - trust: the entry.
    ///   - actor: who made the change, for the audit record.
    /// - Throws: `ASRegistryError.invalid`, or an operational error.
    public func putTrustedIssuer(_ trust: TrustedIssuer, actor: String) async throws {
        try trust.validate(endpointPolicy: endpointPolicy)
        let event = snapshot.trustedIssuers[trust.issuer] == nil ? "admin.trust.create" : "admin.trust.update"
        try await commit(
            [DocumentCoding.put(trust, in: ASCollection.trustedIssuers.rawValue, id: trust.issuer.rawValue)],
            audit: auditRecord(event, actor: actor, details: ["issuer": trust.issuer.rawValue]))
    }

    /// Stops trusting an IdP. Its users keep their links, so trusting it again restores them.
    /// - Throws: `ASRegistryError.notFound`, or an operational error.
    public func removeTrustedIssuer(_ issuer: Issuer, actor: String) async throws {
        guard snapshot.trustedIssuers[issuer] != nil else { throw ASRegistryError.notFound("trusted issuer \(issuer)") }
        try await commit(
            [.delete(collection: ASCollection.trustedIssuers.rawValue, id: issuer.rawValue)],
            audit: auditRecord("admin.trust.delete", actor: actor, details: ["issuer": issuer.rawValue]))
    }

    /// Adds or replaces a client registration. Every allowed resource must be registered.
    /// - Throws: `ASRegistryError.invalid`, or an operational error.
    public func putClient(_ client: RegisteredClient, actor: String) async throws {
        try client.validate()
        let resources = snapshot.resources
        for resource in client.allowedResources where resources[resource] == nil {
            throw ASRegistryError.invalid("resource \(resource) is not registered")
        }
        let event = snapshot.clients[client.id] == nil ? "admin.client.create" : "admin.client.update"
        try await commit(
            [DocumentCoding.put(client, in: ASCollection.clients.rawValue, id: client.id.rawValue)],
            audit: auditRecord(event, actor: actor, clientID: client.id.rawValue))
    }

    /// Enables or disables a client: a disabled client fails authentication, so it gets no new
    /// tokens and cannot introspect, and its tokens introspect as inactive.
    /// - Throws: `ASRegistryError.notFound`, or an operational error.
    public func setClientDisabled(_ clientID: ClientID, _ disabled: Bool, actor: String) async throws {
        guard var client = snapshot.clients[clientID] else { throw ASRegistryError.notFound("client \(clientID)") }
        client.isDisabled = disabled
        try await commit(
            [DocumentCoding.put(client, in: ASCollection.clients.rawValue, id: clientID.rawValue)],
            audit: auditRecord(disabled ? "admin.client.disable" : "admin.client.enable", actor: actor, clientID: clientID.rawValue))
    }

    /// Removes a client registration.
    /// - Throws: `ASRegistryError.notFound`, or an operational error.
    public func removeClient(_ clientID: ClientID, actor: String) async throws {
        guard snapshot.clients[clientID] != nil else { throw ASRegistryError.notFound("client \(clientID)") }
        try await commit(
            [.delete(collection: ASCollection.clients.rawValue, id: clientID.rawValue)],
            audit: auditRecord("admin.client.delete", actor: actor, clientID: clientID.rawValue))
    }

    /// Adds or replaces a resource registration.
    /// - Throws: `ASRegistryError.invalid`, or an operational error.
    public func putResource(_ resource: ProtectedResource, actor: String) async throws {
        try resource.validate(endpointPolicy: endpointPolicy)
        let event = snapshot.resources[resource.identifier] == nil ? "admin.resource.create" : "admin.resource.update"
        try await commit(
            [DocumentCoding.put(resource, in: ASCollection.resources.rawValue, id: resource.identifier.rawValue)],
            audit: auditRecord(event, actor: actor, resource: resource.identifier.rawValue, details: ["scopes": resource.scopes.description]))
    }

    /// Removes a resource registration; refused while a client is still allowed to use it.
    /// - Throws: `ASRegistryError.notFound` or `.conflict`, or an operational error.
    public func removeResource(_ identifier: ResourceIdentifier, actor: String) async throws {
        let current = snapshot
        guard current.resources[identifier] != nil else { throw ASRegistryError.notFound("resource \(identifier)") }
        if let client = current.clients.values.sorted(by: { $0.id < $1.id }).first(where: { $0.allows(identifier) }) {
            throw ASRegistryError.conflict("client \(client.id) is still allowed to use \(identifier)")
        }
        try await commit(
            [.delete(collection: ASCollection.resources.rawValue, id: identifier.rawValue)],
            audit: auditRecord("admin.resource.delete", actor: actor, resource: identifier.rawValue))
    }
}

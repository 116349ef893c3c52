import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

/// Admin API handlers for trusted IdPs, clients and resources (issue 4, item 2): parse → registry → encode.
/// Every change is audited by the registry with the admin token's name as actor.
struct AdminConfigurationEndpoints: Sendable {
    let slot: ASServicesSlot

    /// `GET /trust`: the trusted IdPs.
    @Sendable func listTrust(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<[TrustedIssuer]> {
        OAuthJSONResponse(try slot.get().registry.snapshot.trustedIssuers.values.sorted { $0.issuer < $1.issuer })
    }

    /// `PUT /trust`: adds or replaces a trusted IdP.
    @Sendable func putTrust(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<TrustedIssuer> {
        let trust = try await request.decodeJSONBody(as: TrustedIssuer.self)
        try await slot.get().registry.putTrustedIssuer(trust, actor: context.actor)
        return OAuthJSONResponse(trust)
    }

    /// `DELETE /trust?issuer=…`: stops trusting an IdP.
    @Sendable func deleteTrust(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        try await slot.get().registry.removeTrustedIssuer(Issuer(try request.requireQuery("issuer")), actor: context.actor)
        return OAuthJSONResponse(EmptyBody())
    }

    /// `GET /clients`: the clients, without secret hashes.
    @Sendable func listClients(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<[ClientView]> {
        OAuthJSONResponse(try slot.get().registry.snapshot.clients.values.sorted { $0.id < $1.id }.map { ClientView($0) })
    }

    /// `PUT /clients`: registers or replaces a client; a generated secret is returned once.
    @Sendable func putClient(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<ClientView> {
        let (client, generatedSecret) = try await request.decodeJSONBody(as: ClientRegistrationBody.self).registration()
        try await slot.get().registry.putClient(client, actor: context.actor)
        return OAuthJSONResponse(ClientView(client, generatedSecret: generatedSecret))
    }

    /// `POST /clients/disable?client_id=…` and `/enable`: a disabled client gets no tokens and its tokens are inactive.
    func setClientDisabled(_ disabled: Bool) -> @Sendable (Request, ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        { request, context in
            try await slot.get().registry.setClientDisabled(ClientID(try request.requireQuery("client_id")), disabled, actor: context.actor)
            return OAuthJSONResponse(EmptyBody())
        }
    }

    /// `DELETE /clients?client_id=…`.
    @Sendable func deleteClient(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        try await slot.get().registry.removeClient(ClientID(try request.requireQuery("client_id")), actor: context.actor)
        return OAuthJSONResponse(EmptyBody())
    }

    /// `GET /resources`.
    @Sendable func listResources(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<[ProtectedResource]> {
        OAuthJSONResponse(try slot.get().registry.snapshot.resources.values.sorted { $0.identifier < $1.identifier })
    }

    /// `PUT /resources`: adds or replaces a resource.
    @Sendable func putResource(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<ProtectedResource> {
        let resource = try await request.decodeJSONBody(as: ProtectedResource.self)
        try await slot.get().registry.putResource(resource, actor: context.actor)
        return OAuthJSONResponse(resource)
    }

    /// `DELETE /resources?resource=…`.
    @Sendable func deleteResource(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        try await slot.get().registry.removeResource(ResourceIdentifier(try request.requireQuery("resource")), actor: context.actor)
        return OAuthJSONResponse(EmptyBody())
    }
}

extension ASRequestContext {
    /// The admin who acts, for audit records.
    var actor: String { "admin:" + (adminName ?? "unknown") }
}

import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

/// Admin API handlers for local users and the audit trail: parse → registry → encode.
struct AdminUserEndpoints: Sendable {
    let slot: ASServicesSlot

    /// `GET /users`.
    @Sendable func list(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<[LocalUser]> {
        OAuthJSONResponse(try slot.get().registry.snapshot.users.values.sorted { $0.id < $1.id })
    }

    /// `POST /users`: creates a user, optionally with its id and linked IdP subjects.
    @Sendable func create(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<LocalUser> {
        let body = try await request.decodeJSONBody(as: UserCreationBody.self)
        let user = try await slot.get().registry.createUser(id: body.id, identities: body.identities ?? [], actor: context.actor)
        return OAuthJSONResponse(user, status: .created)
    }

    /// `POST /users/link?id=…` with a `{"issuer","tenant","sub"}` body.
    @Sendable func link(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        let identity = try await request.decodeJSONBody(as: LinkedIdentity.self)
        try await slot.get().registry.linkIdentity(identity, to: LocalUserID(try request.requireQuery("id")), actor: context.actor)
        return OAuthJSONResponse(EmptyBody())
    }

    /// `POST /users/unlink?id=…` with a `{"issuer","tenant","sub"}` body.
    @Sendable func unlink(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        let identity = try await request.decodeJSONBody(as: LinkedIdentity.self)
        try await slot.get().registry.unlinkIdentity(identity, from: LocalUserID(try request.requireQuery("id")), actor: context.actor)
        return OAuthJSONResponse(EmptyBody())
    }

    /// `POST /users/disable?id=…` and `/enable`.
    func setDisabled(_ disabled: Bool) -> @Sendable (Request, ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        { request, context in
            try await slot.get().registry.setUserDisabled(LocalUserID(try request.requireQuery("id")), disabled, actor: context.actor)
            return OAuthJSONResponse(EmptyBody())
        }
    }

    /// `DELETE /users?id=…`.
    @Sendable func delete(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<EmptyBody> {
        try await slot.get().registry.removeUser(LocalUserID(try request.requireQuery("id")), actor: context.actor)
        return OAuthJSONResponse(EmptyBody())
    }

    /// `GET /audit?…`: one page of the audit trail, newest first.
    @Sendable func audit(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<AuditPageBody> {
        let page = try await slot.get().auditLog.query(try request.auditQuery())
        return OAuthJSONResponse(AuditPageBody(page))
    }
}

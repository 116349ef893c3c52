import Foundation
import Hummingbird
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchServer

/// The OAuth handlers: token (RFC 7523), introspection (RFC 7662), revocation (RFC 7009),
/// metadata (RFC 8414), JWKS (RFC 7517) and the authorization endpoint that is not offered.
/// Each is parse → domain call → encode.
struct OAuthEndpoints: Sendable {
    let slot: ASServicesSlot

    /// `POST /token`: redeems an ID-JAG for an access token; JSON with `Cache-Control: no-store`.
    @Sendable func token(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<TokenResponse> {
        let form = try await URLEncodedForm(request: request)
        let parameters = try JWTBearerTokenRequest(form)
        let services = try slot.get()
        let client = try await services.clientAuthenticator.authenticate(
            form: form, authorization: request.headers[.authorization], event: JWTBearerGrant.auditEvent)
        let issued = try await services.grant.redeem(parameters.assertion, for: client, resource: parameters.resource, scope: parameters.scope)
        return OAuthJSONResponse(TokenResponse(issued))
    }

    /// `POST /introspect`: RFC 7662 §2 for an authenticated client.
    @Sendable func introspect(_ request: Request, context: ASRequestContext) async throws -> OAuthJSONResponse<IntrospectionResult> {
        let form = try await URLEncodedForm(request: request)
        let token = try form.require("token")
        let services = try slot.get()
        _ = try await services.clientAuthenticator.authenticate(
            form: form, authorization: request.headers[.authorization], event: "introspect")
        return OAuthJSONResponse(try await services.introspector.introspect(token))
    }

    /// `POST /revoke`: RFC 7009 §2 for an authenticated client; 200 with an empty body.
    @Sendable func revoke(_ request: Request, context: ASRequestContext) async throws -> Response {
        let form = try await URLEncodedForm(request: request)
        let token = try form.require("token")
        let services = try slot.get()
        let client = try await services.clientAuthenticator.authenticate(
            form: form, authorization: request.headers[.authorization], event: "token.revoke")
        try await services.introspector.revoke(token, by: client)
        return Response(status: .ok, headers: [.cacheControl: "no-store"])
    }

    /// `GET /.well-known/oauth-authorization-server…`: RFC 8414 §3 metadata.
    @Sendable func metadata(_ request: Request, context: ASRequestContext) async throws -> CacheableJSONResponse<AuthorizationServerMetadata> {
        let services = try slot.get()
        return CacheableJSONResponse(ASMetadata.make(endpoints: services.endpoints, snapshot: services.registry.snapshot))
    }

    /// `GET /jwks`: the access-token verification keys (RFC 7517 §5).
    @Sendable func jwks(_ request: Request, context: ASRequestContext) async throws -> CacheableJSONResponse<JWKSDocumentBody> {
        let services = try slot.get()
        return CacheableJSONResponse(JWKSDocumentBody(try await services.keyRing.jwks(now: services.clock.now)))
    }

    /// `GET|POST /authorize`: answers that this server has no authorization-code flow (decisions,
    /// "metadata fields for interop").
    @Sendable func authorize(_ request: Request, context: ASRequestContext) async throws -> Response {
        throw OAuthErrorResponse(
            .unsupportedResponseType,
            description: "this authorization server has no interactive authorization; "
                + "redeem an ID-JAG from your identity provider at the token endpoint (grant_type \(GrantType.jwtBearer.rawValue))")
    }
}

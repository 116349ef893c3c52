public import ZeroTouchClient
public import ZeroTouchCore

extension DevClient {
    /// Leg 1 by hand: a token exchange at the IdP for `server` with `session`'s ID token (RFC 8693 §2.1,
    /// ID-JAG §4.3), as `EnterpriseAuthorizer` does it, for steps that need the ID-JAG itself (a replay).
    /// - Throws: `ZeroTouchClientError`, e.g. `.blockedByPolicy`.
    public func requestIDJAG(_ session: DevSession, for server: DevServer, scope: Scope? = nil) async throws(ZeroTouchClientError) -> IssuedIDJAG {
        let exchange = TokenExchangeClient(
            tokenEndpoint: session.credentials.tokenEndpoint, issuer: topology.identityProviderIssuer, credential: try identityProviderCredential,
            offeredAuthenticationMethods: session.credentials.tokenEndpointAuthMethods, clock: clock)
        return try await exchange.requestIDJAG(
            IDJAGRequest(
                subjectToken: try await session.session.idToken(), audience: topology.authorizationServerIssuer,
                resource: topology.resource(of: server), scope: scope))
    }

    /// Leg 2 by hand: the jwt-bearer grant at the authorization server (RFC 7523 §2.1, ID-JAG §4.4).
    /// - Throws: `ZeroTouchClientError.jwtBearerGrantFailed` with the server's `error` (e.g. `invalid_grant`).
    public func redeem(_ idJAG: IssuedIDJAG, for server: DevServer) async throws(ZeroTouchClientError) -> AccessToken {
        let issuer = topology.authorizationServerIssuer
        guard let credential = try authorizationServerCredentials[issuer] else {
            throw ZeroTouchClientError(.noCredentialsForAuthorizationServer, "the CLI profile has no credentials for \(issuer)")
        }
        let bearer = JWTBearerClient(
            issuer: issuer, tokenEndpoint: DevTopology.origin(topology.ports.authorizationServer) + "/token", credential: credential,
            offeredAuthenticationMethods: [ClientAuthenticationMethod.clientSecretBasic.rawValue], clock: clock)
        return try await bearer.redeem(idJAG.assertion, resource: topology.resource(of: server), requestedScope: idJAG.scope)
    }
}

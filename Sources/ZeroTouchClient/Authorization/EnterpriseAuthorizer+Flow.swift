import Logging
import ZeroTouchCore

extension EnterpriseAuthorizer {
    /// Steps 1–3 of the flow for the MCP server at `endpoint`.
    ///
    /// When the metadata lists several authorization servers, the first one this client has a
    /// credential for is used (MCP 2025-11-25: the client chooses), else the first.
    func discover(endpoint: String, challenge: BearerChallenge?) async throws(ZeroTouchClientError) -> ServerAuthorizationContext {
        let http = configuration.http
        try http.check(endpoint, what: "MCP server URL")
        let resource = try await ProtectedResourceDiscovery(http: http).metadata(for: endpoint, challenge: challenge)
        let listed = resource.authorizationServers ?? []
        guard let issuer = listed.first(where: { configuration.authorizationServers[$0] != nil }) ?? listed.first else {
            throw ZeroTouchClientError(.malformedResponse, "the protected resource metadata names no authorization server", url: endpoint)
        }
        let discovery = authorizationServerDiscovery
        let server = try await metadata.value(for: issuer, isUsable: { _ in true }) { () async throws(ZeroTouchClientError) in
            try await discovery.metadata(for: issuer)
        }
        try AuthorizationServerDiscovery.requireJWTBearer(server)
        let tokenEndpoint = try discovery.tokenEndpoint(of: server)
        let scope = challenge?.scope ?? resource.scopesSupported.map { Scope($0) }.flatMap { $0.isEmpty ? nil : $0 }
        logger.debug("discovered MCP server", metadata: ["endpoint": "\(endpoint)", "resource": "\(resource.resource)", "iss": "\(issuer)"])
        return ServerAuthorizationContext(
            endpoint: endpoint, protectedResource: resource, authorizationServer: server, tokenEndpoint: tokenEndpoint, scope: scope)
    }

    /// Steps 4–5: a fresh ID-JAG for the server's (issuer, resource), redeemed at once.
    func fetchToken(context: ServerAuthorizationContext, scope: Scope?) async throws(ZeroTouchClientError) -> AccessToken {
        guard let credential = configuration.authorizationServers[context.issuer] else {
            throw ZeroTouchClientError(
                .noCredentialsForAuthorizationServer, "this client has no credentials for authorization server \(context.issuer)",
                nextStep: "Add a client id and secret for issuer \(context.issuer) to your profile", url: context.endpoint)
        }
        let exchange = try await tokenExchangeClient()
        let subjectToken = try await identity.idToken()
        let idJAG = try await exchange.requestIDJAG(
            IDJAGRequest(subjectToken: subjectToken, audience: context.issuer, resource: context.resource, scope: scope))
        let bearer = JWTBearerClient(
            issuer: context.issuer, tokenEndpoint: context.tokenEndpoint, credential: credential,
            offeredAuthenticationMethods: context.authorizationServer.tokenEndpointAuthMethodsSupported,
            httpClient: configuration.httpClient, endpointPolicy: configuration.endpointPolicy, clock: clock, timeout: configuration.requestTimeout)
        let token = try await bearer.redeem(idJAG.assertion, resource: context.resource, requestedScope: scope)
        logger.info(
            "access token obtained",
            metadata: ["iss": "\(context.issuer)", "resource": "\(context.resource)", "scope": "\(token.scope?.description ?? scope?.description ?? "")"])
        return token
    }

    /// The leg-1 client for the configured IdP, its token endpoint configured or read from its metadata.
    func tokenExchangeClient() async throws(ZeroTouchClientError) -> TokenExchangeClient {
        let settings = configuration.identityProvider
        var tokenEndpoint = settings.tokenEndpoint
        var offered: [String]?
        if tokenEndpoint == nil {
            let discovery = authorizationServerDiscovery
            let idp = try await metadata.value(for: settings.issuer, isUsable: { _ in true }) { () async throws(ZeroTouchClientError) in
                try await discovery.metadata(for: settings.issuer)
            }
            tokenEndpoint = try discovery.tokenEndpoint(of: idp)
            offered = idp.tokenEndpointAuthMethodsSupported
        }
        return TokenExchangeClient(
            tokenEndpoint: tokenEndpoint ?? "", issuer: settings.issuer, credential: settings.credential, offeredAuthenticationMethods: offered,
            httpClient: configuration.httpClient, endpointPolicy: configuration.endpointPolicy, clock: clock, timeout: configuration.requestTimeout)
    }

    var authorizationServerDiscovery: AuthorizationServerDiscovery {
        AuthorizationServerDiscovery(http: configuration.http, requiresTokenEndpointOnIssuerOrigin: configuration.requiresTokenEndpointOnIssuerOrigin)
    }
}

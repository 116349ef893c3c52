import ZeroTouchCore

/// The IdP endpoints a login uses, read from its metadata and checked against the endpoint policy
/// before the browser is opened (OpenID Connect Discovery §3, RFC 8414 §2).
struct IdentityProviderEndpoints: Sendable {
    var authorizationEndpoint: String
    var tokenEndpoint: String
    var jwksURI: String
    var authenticationMethods: [String]?
    /// `authorization_response_iss_parameter_supported`: the redirect then MUST carry `iss` (RFC 9207 §3).
    var promisesIssuerParameter: Bool
}

extension SingleSignOn {
    /// Reads the IdP's metadata (`issuer` must match exactly) and checks its endpoints.
    /// - Throws: `ZeroTouchClientError` from discovery, `.loginFailed` when an endpoint is missing.
    func discoverEndpoints() async throws(ZeroTouchClientError) -> IdentityProviderEndpoints {
        let http = settings.http
        // A standard OpenID provider may keep its endpoints on other hosts (e.g. a token host), so
        // only the endpoint policy applies here, not the same-origin rule for MCP authorization servers.
        let metadata = try await AuthorizationServerDiscovery(http: http, requiresTokenEndpointOnIssuerOrigin: false).metadata(for: settings.issuer)
        guard let authorization = metadata.authorizationEndpoint, let token = metadata.tokenEndpoint, let jwks = metadata.jwksURI else {
            throw ZeroTouchClientError(
                .loginFailed, "the IdP's metadata lacks an authorization_endpoint, token_endpoint or jwks_uri", url: settings.issuer.rawValue)
        }
        for (url, what) in [(authorization, "authorization endpoint"), (token, "token endpoint"), (jwks, "jwks_uri")] {
            try http.check(url, what: "IdP \(what)")
        }
        if let methods = metadata.codeChallengeMethodsSupported, !methods.contains(PKCE.method) {
            throw ZeroTouchClientError(.loginFailed, "the IdP does not support PKCE with S256 (RFC 7636)", url: settings.issuer.rawValue)
        }
        return IdentityProviderEndpoints(
            authorizationEndpoint: authorization, tokenEndpoint: token, jwksURI: jwks,
            authenticationMethods: metadata.tokenEndpointAuthMethodsSupported,
            promisesIssuerParameter: metadata.authorizationResponseIssParameterSupported ?? false)
    }
}

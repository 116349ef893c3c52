public import ZeroTouchCore
public import ZeroTouchJOSE

extension IdentityProvider {
    /// The scopes the IdP itself understands (OpenID Connect Core §5.4); MCP server scopes are requested
    /// at the token exchange, not here.
    public static let scopesSupported = ["openid", "profile", "email"]

    /// The IdP's metadata, served at both `/.well-known/openid-configuration` (OpenID Connect Discovery §4)
    /// and `/.well-known/oauth-authorization-server` (RFC 8414 §3), the latter being what resource
    /// authorization servers read to find `jwks_uri` (checklist A-6, §3.3).
    /// - Throws: `IssuerBinding.Unbound`.
    public func metadata() throws -> AuthorizationServerMetadata {
        let endpoints = try endpoints()
        var authMethods = [ClientAuthenticationMethod.clientSecretBasic, .clientSecretPost].map(\.rawValue)
        if supportsPrivateKeyJWT { authMethods.append(ClientAuthenticationMethod.privateKeyJWT.rawValue) }
        authMethods.append(ClientAuthenticationMethod.none.rawValue)
        var metadata = AuthorizationServerMetadata(issuer: endpoints.issuer)
        metadata.authorizationEndpoint = endpoints.url(IdPEndpoints.authorizationPath)
        metadata.tokenEndpoint = endpoints.url(IdPEndpoints.tokenPath)
        metadata.jwksURI = endpoints.url(IdPEndpoints.jwksPath)
        metadata.userinfoEndpoint = endpoints.url(IdPEndpoints.userInfoPath)
        metadata.revocationEndpoint = endpoints.url(IdPEndpoints.revocationPath)
        metadata.endSessionEndpoint = endpoints.url(IdPEndpoints.logoutPath)
        metadata.scopesSupported = Self.scopesSupported
        metadata.responseTypesSupported = ["code"]
        metadata.responseModesSupported = ["query"]
        metadata.grantTypesSupported = [GrantType.authorizationCode, .refreshToken, .tokenExchange].map(\.rawValue)
        metadata.tokenEndpointAuthMethodsSupported = authMethods
        metadata.revocationEndpointAuthMethodsSupported = authMethods
        if supportsPrivateKeyJWT {
            metadata.tokenEndpointAuthSigningAlgValuesSupported = JWSAlgorithm.standardAllowList.map(\.rawValue).sorted()
        }
        metadata.codeChallengeMethodsSupported = [PKCE.method]
        metadata.subjectTypesSupported = ["public"]
        metadata.idTokenSigningAlgValuesSupported = [Self.signingAlgorithm.rawValue]
        metadata.claimsSupported = ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "name", "preferred_username", "email"]
        metadata.identityChainingRequestedTokenTypesSupported = [TokenType.idJAG.rawValue]
        metadata.authorizationResponseIssParameterSupported = true
        return metadata
    }

    /// The published signing keys (RFC 7517 §5): the active key, then retired keys until the tokens they
    /// signed have expired.
    /// - Throws: the key store's errors.
    public func jwks() async throws -> JWKSDocument { try await keyRing.jwks(now: clock.now) }
}

import ZeroTouchCore

/// Builds this server's RFC 8414 §2 metadata with the ID-JAG §7.2 members (checklist §3.2).
enum ASMetadata {
    /// The client authentication methods of the token, introspection and revocation endpoints.
    static let authenticationMethods = [
        ClientAuthenticationMethod.clientSecretBasic.rawValue, ClientAuthenticationMethod.clientSecretPost.rawValue,
        ClientAuthenticationMethod.privateKeyJWT.rawValue,
    ]

    /// The metadata document. `authorization_grant_profiles_supported` names the profile only,
    /// never the trusted issuers (ID-JAG §8.4). `authorization_endpoint`, `response_types_supported`
    /// and `code_challenge_methods_supported` are published for clients that refuse metadata
    /// without them; the endpoint answers with an explanation (decisions, last rows).
    static func make(endpoints: ASEndpoints, snapshot: ASSnapshot) -> AuthorizationServerMetadata {
        var metadata = AuthorizationServerMetadata(issuer: endpoints.issuer)
        metadata.tokenEndpoint = endpoints.url(endpoints.tokenPath)
        metadata.jwksURI = endpoints.url(endpoints.jwksPath)
        metadata.introspectionEndpoint = endpoints.url(endpoints.introspectionPath)
        metadata.revocationEndpoint = endpoints.url(endpoints.revocationPath)
        metadata.authorizationEndpoint = endpoints.url(endpoints.authorizationPath)
        metadata.grantTypesSupported = [GrantType.jwtBearer.rawValue]
        metadata.authorizationGrantProfilesSupported = [GrantProfile.idJAG.rawValue]
        metadata.tokenEndpointAuthMethodsSupported = authenticationMethods
        metadata.tokenEndpointAuthSigningAlgValuesSupported = ["ES256", "RS256", "PS256", "EdDSA"]
        metadata.introspectionEndpointAuthMethodsSupported = authenticationMethods
        metadata.revocationEndpointAuthMethodsSupported = authenticationMethods
        metadata.responseTypesSupported = ["code"]
        metadata.codeChallengeMethodsSupported = ["S256"]
        let scopes = snapshot.resources.values.reduce(Scope([])) { $0.union($1.scopes) }
        metadata.scopesSupported = scopes.isEmpty ? nil : scopes.sorted
        return metadata
    }
}

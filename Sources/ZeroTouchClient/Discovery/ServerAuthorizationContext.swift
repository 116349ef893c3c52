public import ZeroTouchCore

/// What discovery established about one MCP server before any token is requested: its resource
/// identifier, its authorization server (metadata whose `issuer` was checked) and the token
/// endpoint that passed the endpoint policy (checklist C-2, C-3, C-11, C-12).
public struct ServerAuthorizationContext: Sendable, Equatable {
    /// The MCP endpoint that was called.
    public var endpoint: String
    /// The server's protected resource metadata (RFC 9728 §2).
    public var protectedResource: ProtectedResourceMetadata
    /// The authorization server's metadata (RFC 8414 §2), `issuer` verified.
    public var authorizationServer: AuthorizationServerMetadata
    /// The authorization server's token endpoint, checked.
    public var tokenEndpoint: String
    /// The scope to request, per the MCP scope selection strategy: the challenge's `scope`, else
    /// the metadata's `scopes_supported`, else none (MCP 2025-11-25 "Scope Selection Strategy").
    public var scope: Scope?

    /// The resource identifier, sent verbatim as `resource` (decisions X-3).
    public var resource: ResourceIdentifier { protectedResource.resource }
    /// The authorization server's issuer: the token exchange's `audience` (EMA-S §4).
    public var issuer: Issuer { authorizationServer.issuer }

    /// Creates a context.
    public init(
        endpoint: String, protectedResource: ProtectedResourceMetadata, authorizationServer: AuthorizationServerMetadata,
        tokenEndpoint: String, scope: Scope?
    ) {
        self.endpoint = endpoint
        self.protectedResource = protectedResource
        self.authorizationServer = authorizationServer
        self.tokenEndpoint = tokenEndpoint
        self.scope = scope
    }
}

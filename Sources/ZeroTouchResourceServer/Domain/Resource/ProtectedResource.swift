public import ZeroTouchCore

/// This protected resource as clients discover it (RFC 9728): its identifier, the authorization
/// servers that issue tokens for it, and the scopes it understands.
public struct ProtectedResource: Sendable, Equatable {
    /// The resource identifier: the canonical URI of the MCP server. The exact string is the
    /// PRM `resource`, the token-exchange `resource`, and the access token's `aud` (RFC 9728 §3.3).
    public var identifier: ResourceIdentifier
    /// The authorization servers (their issuers) whose tokens are accepted; at least one (MCP
    /// "Authorization Server Location").
    public var authorizationServers: [Issuer]
    /// The scopes advertised in `scopes_supported` (never `offline_access`, MCP 2026-07-28).
    public var scopesSupported: Scope
    /// A human-readable name (`resource_name`).
    public var name: String?

    /// Creates a resource description.
    public init(identifier: ResourceIdentifier, authorizationServers: [Issuer], scopesSupported: Scope, name: String? = nil) {
        self.identifier = identifier
        self.authorizationServers = authorizationServers
        self.scopesSupported = scopesSupported.subtracting(["offline_access"])
        self.name = name
    }

    /// The RFC 9728 §2 document. Bearer tokens are accepted in the header only (§2
    /// `bearer_methods_supported`, RFC 6750 §2.1).
    public var metadata: ProtectedResourceMetadata {
        ProtectedResourceMetadata(
            resource: identifier, authorizationServers: authorizationServers,
            scopesSupported: scopesSupported.isEmpty ? nil : scopesSupported.sorted, bearerMethodsSupported: ["header"],
            resourceName: name)
    }

    /// The metadata URL for the `resource_metadata` challenge parameter (RFC 9728 §5.1): the
    /// well-known suffix inserted between the origin and the resource's path (§3.1).
    public var metadataURL: String {
        ProtectedResourceMetadata.discoveryURLs(for: identifier).first ?? identifier.rawValue
    }

    /// The local paths the metadata is served at: the path-inserted form (RFC 9728 §3.1) and,
    /// when the resource has a path, the root form too (MCP 2025-11-25 discovery falls back to it).
    public var metadataPaths: [String] {
        let root = "/.well-known/oauth-protected-resource"
        guard let split = AuthorizationServerMetadata.splitIssuer(identifier.rawValue), !split.path.isEmpty else { return [root] }
        return [root + split.path, root]
    }
}

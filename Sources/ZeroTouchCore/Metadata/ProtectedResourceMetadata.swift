/// OAuth 2.0 Protected Resource Metadata (RFC 9728 §2), as an MCP server publishes it.
public struct ProtectedResourceMetadata: Codable, Sendable, Equatable {
    /// The resource identifier; must equal the identifier the metadata URL was built from (RFC 9728 §3.3).
    public var resource: ResourceIdentifier
    /// The issuers of the authorization servers that issue tokens for this resource.
    public var authorizationServers: [Issuer]?
    public var scopesSupported: [String]?
    public var bearerMethodsSupported: [String]?
    public var resourceName: String?
    public var resourceDocumentation: String?
    public var jwksURI: String?

    public init(
        resource: ResourceIdentifier, authorizationServers: [Issuer], scopesSupported: [String]? = nil,
        bearerMethodsSupported: [String]? = ["header"], resourceName: String? = nil
    ) {
        self.resource = resource
        self.authorizationServers = authorizationServers
        self.scopesSupported = scopesSupported
        self.bearerMethodsSupported = bearerMethodsSupported
        self.resourceName = resourceName
    }

    enum CodingKeys: String, CodingKey {
        case resource
        case authorizationServers = "authorization_servers"
        case scopesSupported = "scopes_supported"
        case bearerMethodsSupported = "bearer_methods_supported"
        case resourceName = "resource_name"
        case resourceDocumentation = "resource_documentation"
        case jwksURI = "jwks_uri"
    }

    /// The well-known URLs for `resource`, path-inserted first, then the root (RFC 9728 §3.1, MCP 2025-11-25).
    public static func discoveryURLs(for resource: ResourceIdentifier) -> [String] {
        guard let split = AuthorizationServerMetadata.splitIssuer(resource.rawValue) else { return [] }
        let root = split.origin + "/.well-known/oauth-protected-resource"
        return split.path.isEmpty ? [root] : [root + split.path, root]
    }
}

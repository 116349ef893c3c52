public import ZeroTouchCore

/// The parameters every challenge of one protected resource carries (RFC 9728 §5.1, MCP
/// "Protected Resource Metadata Discovery Requirements").
public struct BearerChallengeParameters: Sendable, Equatable {
    /// The `resource_metadata` URL: where the client finds the authorization servers.
    public var resourceMetadataURL: String
    /// The `scope` suggested on a 401 (RFC 6750 §3 "scope"; MCP "Scope Selection Strategy").
    public var scope: Scope

    /// Creates parameters.
    public init(resourceMetadataURL: String, scope: Scope) {
        self.resourceMetadataURL = resourceMetadataURL
        self.scope = scope
    }

    /// The parameters of `resource`: its metadata URL, and `scope` as given or else every
    /// scope it supports.
    public init(resource: ProtectedResource, scope: Scope? = nil) {
        self.init(resourceMetadataURL: resource.metadataURL, scope: scope ?? resource.scopesSupported)
    }
}

public import ZeroTouchCore

/// Everything a gateway needs besides its verifier and audit log.
public struct GatewayConfiguration: Sendable {
    /// The resource the gateway publishes (its PRM and the tokens' `aud`).
    public var resource: ProtectedResource
    /// The local path of the MCP endpoint.
    public var path: String
    /// The server behind the gateway.
    public var upstream: GatewayUpstream
    /// The scope each tool needs; unlisted tools are refused unless the policy says otherwise.
    public var toolPolicy: ToolScopePolicy
    /// Where the verified identity goes in upstream requests.
    public var identityHeaders: IdentityHeaders
    /// Browser origins allowed to call (requests without `Origin` pass).
    public var allowedOrigins: [String]
    /// The scope suggested on a 401; every supported scope by default.
    public var challengeScope: Scope?
    /// How long the upstream may take to start answering.
    public var upstreamTimeout: Duration
    /// The largest request body read (4 MiB).
    public var maximumBodyBytes: Int
    /// The largest JSON response or SSE event read from the upstream (16 MiB).
    public var maximumResponseBytes: Int
    /// Bounds on sessions (the stdio processes, the HTTP session owners).
    public var sessionLimits: MCPSessionLimits

    /// Creates a configuration.
    public init(
        resource: ProtectedResource, path: String = "/mcp", upstream: GatewayUpstream, toolPolicy: ToolScopePolicy,
        identityHeaders: IdentityHeaders = IdentityHeaders(), allowedOrigins: [String] = [], challengeScope: Scope? = nil,
        upstreamTimeout: Duration = .seconds(300), maximumBodyBytes: Int = 4 * 1024 * 1024,
        maximumResponseBytes: Int = 16 * 1024 * 1024, sessionLimits: MCPSessionLimits = MCPSessionLimits()
    ) {
        self.resource = resource
        self.path = path
        self.upstream = upstream
        self.toolPolicy = toolPolicy
        self.identityHeaders = identityHeaders
        self.allowedOrigins = allowedOrigins
        self.challengeScope = challengeScope
        self.upstreamTimeout = upstreamTimeout
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumResponseBytes = maximumResponseBytes
        self.sessionLimits = sessionLimits
    }
}

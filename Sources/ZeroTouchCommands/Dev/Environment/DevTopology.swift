public import ZeroTouchCore

/// The URLs of one environment, all on 127.0.0.1 over plain HTTP (decisions X-11: loopback needs no TLS).
///
/// Each MCP server's resource identifier is its MCP endpoint URL (RFC 9728 §2: the `resource` a client
/// connects to, the token exchange's `resource`, the access token's `aud`).
public struct DevTopology: Sendable, Equatable {
    /// The listener ports.
    public let ports: DevPorts
    /// The address every listener binds.
    public static let host = "127.0.0.1"
    /// The path of each MCP endpoint.
    public static let mcpPath = "/mcp"

    /// The topology of `ports`.
    public init(ports: DevPorts) { self.ports = ports }

    /// The IdP's issuer identifier (OpenID Connect Discovery §3).
    public var identityProviderIssuer: Issuer { Issuer(Self.origin(ports.identityProvider)) }
    /// The authorization server's issuer identifier (RFC 8414 §2): the ID-JAG `aud`.
    public var authorizationServerIssuer: Issuer { Issuer(Self.origin(ports.authorizationServer)) }
    /// The issues server's resource identifier.
    public var issuesResource: ResourceIdentifier { ResourceIdentifier(Self.origin(ports.issues) + Self.mcpPath) }
    /// The docs server's resource identifier.
    public var docsResource: ResourceIdentifier { ResourceIdentifier(Self.origin(ports.docs) + Self.mcpPath) }
    /// The gateway's resource identifier: what clients see of the notes server.
    public var notesResource: ResourceIdentifier { ResourceIdentifier(Self.origin(ports.gateway) + Self.mcpPath) }
    /// The notes server itself, unprotected, reachable on loopback only, and only by the gateway.
    public var notesUpstreamURL: String { Self.origin(ports.notesUpstream) + Self.mcpPath }

    /// The resource identifier of a catalog server.
    public func resource(of server: DevServer) -> ResourceIdentifier {
        switch server {
        case .issues: issuesResource
        case .docs: docsResource
        case .notes: notesResource
        }
    }

    /// `http://127.0.0.1:<port>`.
    public static func origin(_ port: Int) -> String { "http://\(host):\(port)" }

    /// The listeners' roles, in the order of `DevPorts.all`.
    public static let roles = ["identity provider", "authorization server", "issues MCP server", "docs MCP server", "notes gateway", "notes upstream"]

    /// Every listener as (role, base URL), in start order, for health checks and the banner.
    public var listeners: [(role: String, url: String)] {
        zip(Self.roles, ports.all).map { ($0, Self.origin($1)) }
    }
}

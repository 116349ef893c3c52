public import Foundation
public import ZeroTouchCore

/// A scope an MCP server defines (RFC 6749 §3.3 scope token), with the text an admin sees.
public struct ScopeDefinition: Codable, Sendable, Equatable, Hashable {
    public var name: String
    public var description: String

    public init(_ name: String, description: String = "") {
        self.name = name
        self.description = description
    }
}

/// An MCP server in the organization's resource catalog (issue 3, item 4).
///
/// The pair (`resource`, `authorizationServer`) is the only valid (resource, audience) pair for this
/// server: a token exchange naming any other `audience` for `resource` is refused (EMA-S §7.6.1, checklist I-14).
public struct MCPServer: Codable, Sendable, Equatable, Identifiable {
    public var id: MCPServerID
    public var name: String
    public var description: String
    /// The server's protected resource identifier (RFC 9728 §2, RFC 8707 §2): the ID-JAG `resource`. Unique in the catalog.
    public var resource: ResourceIdentifier
    /// The issuer identifier of the server's authorization server (RFC 8414 §2): the ID-JAG `aud`.
    public var authorizationServer: Issuer
    /// The scopes the server defines; at most `maximumScopeCount`.
    public var scopes: [ScopeDefinition]
    /// How long an ID-JAG for this server lives, in seconds (EMA-S §7.4.2: short-lived).
    public var idJAGLifetime: Int
    /// Whether the ID-JAG carries the user's `email` (decisions X-7: left out unless asked for).
    public var includesEmail: Bool
    public var createdAt: Date

    /// The ID-JAG lifetime when none is configured.
    public static let defaultIDJAGLifetime = 300
    /// The longest ID-JAG lifetime accepted (decisions: "at most 600 s accepted").
    public static let maximumIDJAGLifetime = 600
    /// The most scopes one server may define (policy decisions keep scopes in a 128-bit mask).
    public static let maximumScopeCount = 100

    public init(
        id: MCPServerID, name: String, description: String = "", resource: ResourceIdentifier,
        authorizationServer: Issuer, scopes: [ScopeDefinition] = [], idJAGLifetime: Int = MCPServer.defaultIDJAGLifetime,
        includesEmail: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.resource = resource
        self.authorizationServer = authorizationServer
        self.scopes = scopes
        self.idJAGLifetime = idJAGLifetime
        self.includesEmail = includesEmail
        self.createdAt = createdAt
    }

    /// Every scope the server defines.
    public var allScopes: Scope { Scope(scopes.map(\.name)) }

    /// Whether `audience` is this server's authorization server (checklist I-14), compared exactly (RFC 8414 §2).
    public func accepts(audience: Issuer) -> Bool { audience == authorizationServer }
}

public import Foundation
public import ZeroTouchCore

/// An MCP server catalog entry as an admin writes it (issue 3, item 4); `id` is generated when absent.
public struct ServerDraft: Codable, Sendable, Equatable {
    public var id: MCPServerID?
    public var name: String
    public var description: String?
    /// The RFC 9728 resource identifier.
    public var resource: ResourceIdentifier
    /// The authorization server's issuer: the only `audience` accepted for `resource`.
    public var authorizationServer: Issuer
    public var scopes: [ScopeDefinition]?
    /// Seconds; 300 when absent, at most 600.
    public var idJAGLifetime: Int?
    public var includesEmail: Bool?

    public init(
        id: MCPServerID? = nil, name: String, description: String? = nil, resource: ResourceIdentifier, authorizationServer: Issuer,
        scopes: [ScopeDefinition]? = nil, idJAGLifetime: Int? = nil, includesEmail: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.resource = resource
        self.authorizationServer = authorizationServer
        self.scopes = scopes
        self.idJAGLifetime = idJAGLifetime
        self.includesEmail = includesEmail
    }

    /// The catalog entry, with `id` (or this draft's, or a new one).
    public func server(id fixed: MCPServerID? = nil) -> MCPServer {
        MCPServer(
            id: fixed ?? id ?? .generate(), name: name, description: description ?? "", resource: resource, authorizationServer: authorizationServer,
            scopes: scopes ?? [], idJAGLifetime: idJAGLifetime ?? MCPServer.defaultIDJAGLifetime, includesEmail: includesEmail ?? false,
            createdAt: .distantPast)
    }
}

/// A policy rule as an admin writes it (issue 3, item 5); `id` is generated when absent.
public struct RuleDraft: Codable, Sendable, Equatable {
    public var id: PolicyRuleID?
    public var name: String
    public var effect: PolicyEffect
    public var subjects: PolicySubjects
    public var clients: [ClientID]?
    public var servers: [MCPServerID]?
    public var scopes: Scope?
    public var conditions: PolicyConditions?

    public init(
        id: PolicyRuleID? = nil, name: String, effect: PolicyEffect, subjects: PolicySubjects, clients: [ClientID]? = nil,
        servers: [MCPServerID]? = nil, scopes: Scope? = nil, conditions: PolicyConditions? = nil
    ) {
        self.id = id
        self.name = name
        self.effect = effect
        self.subjects = subjects
        self.clients = clients
        self.servers = servers
        self.scopes = scopes
        self.conditions = conditions
    }

    /// The rule, with `id` (or this draft's, or a new one).
    public func rule(id fixed: PolicyRuleID? = nil) -> PolicyRule {
        PolicyRule(
            id: fixed ?? id ?? .generate(), name: name, effect: effect, subjects: subjects, clients: clients, servers: servers, scopes: scopes,
            conditions: conditions ?? .none, createdAt: .distantPast)
    }
}

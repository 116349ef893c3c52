public import ZeroTouchCore

/// Which scope each MCP tool needs (EMA-S §7.2.1: scopes as a "risk-weighted inventory of
/// possible agent actions"), checked on every `tools/call` before it reaches the server.
///
/// Hosted Swift servers derive it from their tool definitions (unknown tools are let through: the
/// server answers "unknown tool" and nothing runs); the gateway reads it from configuration and
/// refuses unlisted tools by default.
public struct ToolScopePolicy: Sendable, Equatable {
    /// What a tool absent from `toolScopes` gets.
    public enum UnlistedTools: Sendable, Equatable {
        /// Refused before reaching the server.
        case deny
        /// Allowed with this scope (empty: any valid token).
        case require(Scope)
    }

    /// The decision for one tool.
    public enum Requirement: Sendable, Equatable {
        /// The token must grant this scope.
        case scope(Scope)
        /// The tool is not offered through this resource.
        case denied
    }

    /// Tool name → required scope.
    public var toolScopes: [String: Scope]
    /// The rule for other tools.
    public var unlistedTools: UnlistedTools

    /// Creates a policy.
    public init(toolScopes: [String: Scope], unlistedTools: UnlistedTools = .deny) {
        self.toolScopes = toolScopes
        self.unlistedTools = unlistedTools
    }

    /// The requirement for calling `tool`.
    public func requirement(forTool tool: String) -> Requirement {
        if let scope = toolScopes[tool] { return .scope(scope) }
        switch unlistedTools {
        case .deny: return .denied
        case .require(let scope): return .scope(scope)
        }
    }

    /// Every scope a tool of this policy can need, for `scopes_supported` (RFC 9728 §2).
    public var allScopes: Scope {
        let listed = toolScopes.values.reduce(Scope([])) { $0.union($1) }
        if case .require(let scope) = unlistedTools { return listed.union(scope) }
        return listed
    }
}

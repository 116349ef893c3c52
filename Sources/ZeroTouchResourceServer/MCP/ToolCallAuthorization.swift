public import ZeroTouchCore

/// The scope check of a POSTed MCP body before it reaches a server: every `tools/call` in it must
/// be allowed by the policy and granted by the token (RFC 6750 §3.1; MCP "Runtime Insufficient
/// Scope Errors"). The first failing call decides.
public enum ToolCallAuthorization: Sendable, Equatable {
    /// Every tool call (if any) may run.
    case allowed
    /// A tool is not offered here, or a `tools/call` names no tool.
    case denied(tool: String?)
    /// The token lacks the scope a tool needs.
    case insufficientScope(tool: String, required: Scope)

    /// Decides for `body` under `policy` for `identity`.
    public init(body: JSONRPCBody, policy: ToolScopePolicy, identity: VerifiedAccessToken) {
        for message in body.messages where message.method == "tools/call" {
            guard let tool = message.toolName else {
                self = .denied(tool: nil)
                return
            }
            switch policy.requirement(forTool: tool) {
            case .denied:
                self = .denied(tool: tool)
                return
            case .scope(let required):
                guard identity.grants(required) else {
                    self = .insufficientScope(tool: tool, required: required)
                    return
                }
            }
        }
        self = .allowed
    }
}

import MCP

/// The swift-sdk request checks used by the hosting bridge (MCP "Streamable HTTP").
enum MCPValidation {
    /// `Origin` (ours: exact allow-list, no `Host` pattern), `Accept`, `Content-Type`,
    /// `MCP-Protocol-Version`, and for stateful mode the session header.
    static func pipeline(mode: MCPHostingMode, allowedOrigins: [String]) -> any HTTPRequestValidationPipeline {
        var validators: [any HTTPRequestValidator] = [
            AllowedOriginValidator(allowedOrigins: allowedOrigins),
            AcceptHeaderValidator(mode: mode == .stateful ? .sseRequired : .jsonOnly),
            ContentTypeValidator(),
            ProtocolVersionValidator(),
        ]
        if mode == .stateful { validators.append(SessionValidator()) }
        return StandardValidationPipeline(validators: validators)
    }
}

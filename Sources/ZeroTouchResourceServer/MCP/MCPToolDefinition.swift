public import MCP
public import ZeroTouchCore

/// One tool of a protected Swift MCP server: its MCP description, the scope it needs, and its
/// handler, which receives the verified caller.
public struct MCPToolDefinition: Sendable {
    /// The tool as listed by `tools/list`.
    public var tool: Tool
    /// The scope a token must grant to call it (RFC 6750 §3.1; EMA-S §7.2.1).
    public var requiredScope: Scope
    /// Runs the tool for `caller` with the call's arguments.
    public var handler: @Sendable (_ arguments: [String: Value], _ caller: VerifiedAccessToken) async throws -> CallTool.Result

    /// Creates a definition.
    /// - Parameters:
    ///   - tool: the MCP tool description.
    ///   - requiredScope: the scope the caller's token must grant.
    ///   - handler: the implementation; throw `MCPToolError` for a failure the caller should see.
    public init(
        _ tool: Tool, requiredScope: Scope,
        handler: @escaping @Sendable (_ arguments: [String: Value], _ caller: VerifiedAccessToken) async throws -> CallTool.Result
    ) {
        self.tool = tool
        self.requiredScope = requiredScope
        self.handler = handler
    }
}

/// A failure of a tool that the caller should see as a tool error (`isError: true`, MCP
/// "Error Handling"), such as "no issue with id 7". Other errors become a JSON-RPC internal error
/// without their text.
public struct MCPToolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message shown to the caller; never a secret.
    public var message: String

    /// Creates an error with a message for the caller.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

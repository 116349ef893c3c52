public import MCP
import ZeroTouchCore

/// A Swift MCP server protected by EMA: its identity and tools. The hosting bridge makes a fresh
/// swift-sdk `Server` from it for each session (stateful mode) or request (stateless mode).
public struct MCPServerDefinition: Sendable {
    /// `serverInfo.name`.
    public var name: String
    /// `serverInfo.version`.
    public var version: String
    /// `serverInfo.title`.
    public var title: String?
    /// `instructions` for the client's model.
    public var instructions: String?
    /// The tools.
    public var tools: [MCPToolDefinition]

    /// Creates a definition.
    public init(name: String, version: String, title: String? = nil, instructions: String? = nil, tools: [MCPToolDefinition]) {
        self.name = name
        self.version = version
        self.title = title
        self.instructions = instructions
        self.tools = tools
    }

    /// The scope each tool needs; unknown tools are let through, since the server answers them
    /// with "unknown tool" and runs nothing.
    public var toolScopePolicy: ToolScopePolicy {
        ToolScopePolicy(
            toolScopes: Dictionary(tools.map { ($0.tool.name, $0.requiredScope) }, uniquingKeysWith: { first, _ in first }),
            unlistedTools: .require([]))
    }

    /// A swift-sdk server with `tools/list` and `tools/call` registered.
    ///
    /// `tools/call` runs only with a verified caller from `callers` whose token grants the tool's
    /// scope; without one it fails closed with a JSON-RPC error (the HTTP layer has already
    /// answered 403 in that case, so this is defence in depth).
    /// - Parameter callers: the registry the bridge fills.
    public func makeServer(callers: MCPCallerRegistry) async -> Server {
        let server = Server(
            name: name, version: version, title: title, instructions: instructions,
            capabilities: Server.Capabilities(tools: .init(listChanged: false)))
        let tools = self.tools
        let byName = Dictionary(tools.map { ($0.tool.name, $0) }, uniquingKeysWith: { first, _ in first })
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools.map(\.tool)) }
        await server.withMethodHandler(CallTool.self) { parameters in
            guard let definition = byName[parameters.name] else {
                return MCPToolResult.text("unknown tool '\(parameters.name.prefix(64))'", isError: true)
            }
            guard let caller = callers.currentCaller() else { throw MCPError.invalidRequest("no verified caller") }
            guard caller.grants(definition.requiredScope) else {
                throw MCPError.invalidRequest("insufficient_scope: this tool needs scope '\(definition.requiredScope)'")
            }
            do {
                return try await definition.handler(parameters.arguments ?? [:], caller)
            } catch let error as MCPToolError {
                return MCPToolResult.text(error.message, isError: true)
            } catch let error as MCPError {
                throw error
            } catch {
                throw MCPError.internalError("the tool failed")
            }
        }
        return server
    }
}

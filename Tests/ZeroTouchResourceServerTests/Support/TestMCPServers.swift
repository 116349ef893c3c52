import Foundation
import MCP
import ZeroTouchCore
import ZeroTouchResourceServer

/// A small Swift MCP server for hosting tests: `whoami` (files.read) answers with the verified
/// caller; `write` (files.write) echoes its `text` argument.
enum TestMCPServers {
    static let definition = MCPServerDefinition(
        name: "test-files", version: "1.0.0",
        tools: [
            MCPToolDefinition(
                Tool(name: "whoami", description: "Who is calling", inputSchema: .object(["type": .string("object")])),
                requiredScope: ["files.read"]
            ) { _, caller in
                MCPToolResult.text("\(caller.subject) via \(caller.clientID) jti=\(caller.jti?.rawValue ?? "-")")
            },
            MCPToolDefinition(
                Tool(name: "write", description: "Write", inputSchema: .object(["type": .string("object")])),
                requiredScope: ["files.write"]
            ) { arguments, caller in
                guard let text = arguments["text"]?.stringValue else { throw MCPToolError("text is required") }
                return MCPToolResult.text("\(caller.subject) wrote \(text)")
            },
        ])

    static func endpoint(_ mode: MCPHostingMode, clock: any WallClock = SystemClock(), limits: MCPSessionLimits = MCPSessionLimits()) -> MCPEndpoint {
        MCPEndpoint(definition: definition, mode: mode, allowedOrigins: ["https://app.example"], limits: limits, clock: clock)
    }
}

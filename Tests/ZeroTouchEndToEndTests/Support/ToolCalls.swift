import Foundation
import MCP
import ZeroTouchClient
import ZeroTouchCommands

/// Tool calls as the tests make them: the answer as a JSON object, a tool error as a thrown error.
enum ToolCalls {
    /// A read-only tool of each server, with arguments that always work.
    static func readTool(of server: DevServer) -> (name: String, arguments: [String: Value]) {
        switch server {
        case .issues: ("list_issues", [:])
        case .docs: ("search_docs", ["query": "release"])
        case .notes: ("list_notes", [:])
        }
    }

    /// The answer as a JSON object (empty when it is not one).
    static func object(_ connection: MCPConnection, _ tool: String, _ arguments: [String: Value] = [:]) async throws -> [String: Any] {
        try await call(connection, tool, arguments) as? [String: Any] ?? [:]
    }

    /// The answer decoded from JSON (an object, or an array for the notes server).
    static func call(_ connection: MCPConnection, _ tool: String, _ arguments: [String: Value] = [:]) async throws -> Any {
        let (content, isError) = try await connection.callTool(tool, arguments: arguments)
        let text = content.compactMap { item -> String? in
            if case .text(let text, _, _) = item { return text }
            return nil
        }.joined()
        if isError { throw FixtureError("\(tool) failed: \(text)") }
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}

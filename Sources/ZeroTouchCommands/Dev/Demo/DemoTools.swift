import Foundation
import MCP
import ZeroTouchClient

/// The tools the demo calls, and how it reads their answers.
enum DemoTools {
    static let createIssue = "create_issue"
    static let listIssues = "list_issues"
    static let searchDocs = "search_docs"
    static let writePage = "write_page"
    static let addNote = "add_note"

    /// Calls `tool` and returns its answer as a JSON object; a tool error is a failure.
    static func call(_ connection: MCPConnection, _ tool: String, _ arguments: [String: Value] = [:]) async throws -> [String: Any] {
        let (content, isError) = try await connection.callTool(tool, arguments: arguments)
        let text = content.compactMap { item -> String? in
            if case .text(let text, _, _) = item { return text }
            return nil
        }.joined(separator: "\n")
        guard !isError else { throw DemoExpectation("\(tool) reported an error: \(text.prefix(200))") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw DemoExpectation("\(tool) answered something other than a JSON object: \(text.prefix(120))")
        }
        return object
    }

    /// `#2 "Checkout fails on Safari"`.
    static func issue(_ object: [String: Any]) -> String {
        "#\(object["id"].map { "\($0)" } ?? "?") \"\(object["title"] as? String ?? "?")\""
    }

    /// The issues of a `list_issues` answer.
    static func issues(_ object: [String: Any]) -> [[String: Any]] { object["issues"] as? [[String: Any]] ?? [] }

    /// The page titles of a `search_docs` answer.
    static func pageTitles(_ object: [String: Any]) -> [String] {
        (object["pages"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    /// A user id shortened for the narrative.
    static func who(_ value: Any?) -> String { DevAuditTrail.short(value as? String) }
}

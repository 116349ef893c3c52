import Foundation
import MCP

/// The notes server's tools (MCP 2025-11-25 "Tools").
enum NotesTools {
    static let all: [Tool] = [
        Tool(name: "list_notes", description: "List every note, newest first.", inputSchema: .object(["type": "object", "properties": .object([:])])),
        Tool(
            name: "search_notes", description: "Find notes whose title or text contains the query.",
            inputSchema: .object([
                "type": "object", "properties": .object(["query": .object(["type": "string"])]), "required": .array(["query"]),
            ])),
        Tool(
            name: "add_note", description: "Write a note; the author is the signed-in user.",
            inputSchema: .object([
                "type": "object",
                "properties": .object(["title": .object(["type": "string"]), "text": .object(["type": "string"])]),
                "required": .array(["title", "text"]),
            ])),
    ]

    /// Runs a tool; failures are tool errors (`isError: true`), never JSON-RPC errors.
    static func call(_ name: String, arguments: [String: Value], book: NoteBook, author: String, now: Date) -> CallTool.Result {
        do {
            switch name {
            case "list_notes":
                return try json(book.list())
            case "search_notes":
                guard let query = arguments["query"]?.stringValue, !query.isEmpty else { throw NotesFailure("query is required") }
                return try json(book.list(matching: String(query.prefix(200))))
            case "add_note":
                guard let title = arguments["title"]?.stringValue else { throw NotesFailure("title is required") }
                return try json(book.add(title: title, text: arguments["text"]?.stringValue ?? "", author: author, now: now))
            default:
                throw NotesFailure("unknown tool '\(name.prefix(64))'")
            }
        } catch let failure as NotesFailure {
            return text(failure.description, isError: true)
        } catch {
            return text("the notebook could not be saved", isError: true)
        }
    }

    private static func json(_ value: some Encodable) throws -> CallTool.Result {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return text(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    private static func text(_ text: String, isError: Bool = false) -> CallTool.Result {
        CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], isError: isError ? true : nil)
    }
}

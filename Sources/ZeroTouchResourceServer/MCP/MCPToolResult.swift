import Foundation
public import MCP

/// Builds `tools/call` results (MCP "Tool Result"): text content, optionally with the same value
/// as `structuredContent`.
public enum MCPToolResult {
    /// A result with one text block.
    public static func text(_ text: String, isError: Bool = false) -> CallTool.Result {
        CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], isError: isError ? true : nil)
    }

    /// A result carrying `value` as `structuredContent` and as JSON text, for clients that read either.
    /// - Throws: `EncodingError` when `value` cannot be encoded.
    public static func json(_ value: some Codable) throws -> CallTool.Result {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        let structured = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        return try CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: structured)
    }
}

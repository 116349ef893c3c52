public import Foundation
public import ZeroTouchCore

/// One JSON-RPC 2.0 message of an MCP exchange (JSON-RPC 2.0 §4–5, MCP "Base Protocol"), read only
/// as far as routing and authorization need: its kind, `id`, `method` and, for `tools/call`, the
/// tool name.
public struct JSONRPCMessage: Sendable, Equatable {
    /// The whole message.
    public let object: [String: JSONValue]

    /// Wraps a JSON object.
    public init(_ object: [String: JSONValue]) { self.object = object }

    /// `method`, for a request or a notification.
    public var method: String? { object["method"]?.stringValue }
    /// `id`, a string or an integer (JSON-RPC 2.0 §4; MCP forbids null).
    public var id: JSONRPCID? { object["id"].flatMap(JSONRPCID.init) }
    /// Whether this is a request: a `method` and an `id`.
    public var isRequest: Bool { method != nil && id != nil }
    /// Whether this is a response: an `id` and a `result` or an `error`.
    public var isResponse: Bool { method == nil && id != nil && (object["result"] != nil || object["error"] != nil) }
    /// The tool a `tools/call` request names (`params.name`).
    public var toolName: String? {
        guard method == "tools/call" else { return nil }
        return object["params"]?["name"]?.stringValue
    }
    /// Whether this is the `initialize` request.
    public var isInitializeRequest: Bool { isRequest && method == "initialize" }

    /// The message as compact JSON.
    public func encoded() -> Data { (try? JSONEncoder().encode(JSONValue.object(object))) ?? Data() }
}

/// A JSON-RPC request id: a string or an integer.
public enum JSONRPCID: Sendable, Hashable, CustomStringConvertible {
    /// A string id.
    case string(String)
    /// An integer id.
    case integer(Int64)

    /// Reads an id; `nil` for any other JSON value.
    public init?(_ value: JSONValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        default: return nil
        }
    }

    /// The id as JSON.
    public var jsonValue: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        }
    }

    /// The id as text, for logs.
    public var description: String {
        switch self {
        case .string(let text): "\"\(text.prefix(64))\""
        case .integer(let number): String(number)
        }
    }
}

public import Foundation
import ZeroTouchCore

/// A POSTed MCP body: one JSON-RPC message, or a batch of them (MCP 2025-03-26 allowed batches).
///
/// The body is parsed once and re-encoded: what is forwarded to the server is exactly what was
/// inspected for authorization, so no difference between two JSON parsers (a repeated member
/// name, for instance) can smuggle a tool call past the scope check.
public struct JSONRPCBody: Sendable, Equatable {
    /// The messages, in order.
    public let messages: [JSONRPCMessage]
    /// Whether the body was a JSON array.
    public let isBatch: Bool

    /// Why a body was refused: JSON-RPC `-32700` / `-32600` (JSON-RPC 2.0 §5.1).
    public enum Rejection: Error, Equatable, Sendable {
        /// Not JSON.
        case parseError
        /// JSON, but not an object or a non-empty array of objects.
        case invalidRequest
    }

    /// Parses `data`.
    /// - Throws: `JSONRPCBody.Rejection`.
    public init(parsing data: Data) throws(Rejection) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { throw .parseError }
        switch value {
        case .object(let object):
            messages = [JSONRPCMessage(object)]
            isBatch = false
        case .array(let values):
            let objects = values.compactMap(\.objectValue)
            guard !objects.isEmpty, objects.count == values.count else { throw .invalidRequest }
            messages = objects.map(JSONRPCMessage.init)
            isBatch = true
        default:
            throw .invalidRequest
        }
    }

    /// The canonical encoding that is forwarded.
    public func encoded() -> Data {
        guard isBatch else { return messages[0].encoded() }
        return (try? JSONEncoder().encode(JSONValue.array(messages.map { .object($0.object) }))) ?? Data()
    }

    /// Whether the body holds an `initialize` request.
    public var containsInitialize: Bool { messages.contains(where: \.isInitializeRequest) }
    /// The ids of the `initialize` requests, whose results announce the EMA extension.
    public var initializeIDs: Set<JSONRPCID> { Set(messages.filter(\.isInitializeRequest).compactMap(\.id)) }
    /// Whether every message is a notification or a response (answered with 202 Accepted).
    public var hasRequests: Bool { messages.contains(where: \.isRequest) }

    /// A JSON-RPC error response without id (JSON-RPC 2.0 §5), for a body that could not be used.
    public static func errorResponse(code: Int, message: String, id: JSONRPCID? = nil) -> Data {
        let error: JSONValue = .object(["code": .integer(Int64(code)), "message": .string(message)])
        let object: JSONValue = .object(["jsonrpc": .string("2.0"), "id": id?.jsonValue ?? .null, "error": error])
        return (try? JSONEncoder().encode(object)) ?? Data()
    }
}

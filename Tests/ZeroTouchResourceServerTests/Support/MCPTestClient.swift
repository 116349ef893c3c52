import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ZeroTouchCore
import ZeroTouchResourceServer

/// Raw JSON-RPC over Streamable HTTP with AsyncHTTPClient, reading JSON and SSE responses.
struct MCPTestClient: Sendable {
    /// One HTTP exchange.
    struct Exchange: Sendable {
        var status: Int
        var headers: HTTPHeaders
        /// The JSON-RPC messages: the JSON body, or the data of each SSE event.
        var messages: [JSONValue]
        var contentType: String { headers.first(name: "Content-Type") ?? "" }
        var sessionID: String? { headers.first(name: "Mcp-Session-Id") }
        /// The `result` of the first response.
        var result: JSONValue? { messages.first { $0["result"] != nil }?["result"] }
        /// The text of the first content block of a tool result.
        var toolText: String? { result?["content"]?.arrayValue?.first?["text"]?.stringValue }
        var error: JSONValue? { messages.first { $0["error"] != nil }?["error"] }
    }

    let url: String
    var accept = "application/json, text/event-stream"

    func post(_ message: JSONValue, token: String?, sessionID: String? = nil, headers extra: [(String, String)] = []) async throws -> Exchange {
        try await send(.POST, body: try JSONEncoder().encode(message), token: token, sessionID: sessionID, headers: extra)
    }

    func send(_ method: HTTPMethod, body: Data? = nil, token: String?, sessionID: String? = nil, headers extra: [(String, String)] = []) async throws -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if body != nil { request.headers.add(name: "Content-Type", value: "application/json") }
        request.headers.add(name: "Accept", value: accept)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let sessionID { request.headers.add(name: "Mcp-Session-Id", value: sessionID) }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(90))
        let bytes = try await response.body.collect(upTo: 8 * 1024 * 1024)
        let data = Data(bytes.readableBytesView)
        var messages: [JSONValue] = []
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        if contentType.hasPrefix("text/event-stream") {
            var buffer = SSEEventBuffer()
            var events = try buffer.append(data)
            if let last = buffer.finish() { events.append(last) }
            messages = events.compactMap { $0.data }.filter { !$0.isEmpty }.compactMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        } else if let value = try? JSONDecoder().decode(JSONValue.self, from: data) {
            messages = value.arrayValue ?? [value]
        }
        return Exchange(status: Int(response.status.code), headers: response.headers, messages: messages)
    }

    static func initialize(id: Int64 = 1) -> JSONValue {
        .object([
            "jsonrpc": .string("2.0"), "id": .integer(id), "method": .string("initialize"),
            "params": .object([
                "protocolVersion": .string("2025-11-25"),
                "capabilities": .object(["extensions": .object([EnterpriseManagedAuthorization.extensionID: .object([:])])]),
                "clientInfo": .object(["name": .string("test-client"), "version": .string("1.0.0")]),
            ]),
        ])
    }

    static let initialized: JSONValue = .object(["jsonrpc": .string("2.0"), "method": .string("notifications/initialized")])

    static func callTool(_ name: String, arguments: [String: JSONValue] = [:], id: Int64 = 2) -> JSONValue {
        .object([
            "jsonrpc": .string("2.0"), "id": .integer(id), "method": .string("tools/call"),
            "params": .object(["name": .string(name), "arguments": .object(arguments)]),
        ])
    }

    static func listTools(id: Int64 = 3) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": .integer(id), "method": .string("tools/list")])
    }
}

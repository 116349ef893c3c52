import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension MockWorld {
    /// The scenario's MCP server at `/mcp` (and, for catalog tests, more at `/servers/<name>/mcp`):
    /// a Bearer token from the mock authorization server is required, a 401 names the PRM at the
    /// path-based URL only, `tools/list` returns `test-tool` and `tools/call` returns `test`.
    func mcpRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let metadata: @Sendable (String) -> Response = { [self] path in
            let url = read(\.mcpURL)
            var body: [String: Any] = ["resource": options.protectedResource ?? url + path, "authorization_servers": [read(\.asURL)]]
            if let scopes = options.scopesSupported { body["scopes_supported"] = scopes }
            return Loopback.json(body)
        }
        router.get("/.well-known/oauth-protected-resource/mcp") { _, _ in metadata("/mcp") }
        router.get("/.well-known/oauth-protected-resource/servers/:name/mcp") { _, context in
            metadata("/servers/\(context.parameters.get("name") ?? "")/mcp")
        }
        router.post("/mcp") { [self] request, _ in try await handle(request, path: "/mcp") }
        router.post("/servers/:name/mcp") { [self] request, context in
            try await handle(request, path: "/servers/\(context.parameters.get("name") ?? "")/mcp")
        }
        router.delete("/mcp") { [self] request, _ in
            record(request, path: "/mcp", rpcMethod: nil, body: "")
            return Response(status: .noContent)
        }
        return router
    }

    private func record(_ request: Request, path: String, rpcMethod: String?, body: String) {
        let entry = MCPRequest(
            httpMethod: request.method.rawValue, path: path, rpcMethod: rpcMethod, authorization: request.headers[.authorization],
            sessionID: request.headers[HTTPField.Name("Mcp-Session-Id")!], protocolVersion: request.headers[HTTPField.Name("MCP-Protocol-Version")!],
            body: body)
        update { $0.mcpRequests.append(entry) }
    }

    private func handle(_ request: Request, path: String) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let body = String(buffer: buffer)
        let message = (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
        let method = message["method"] as? String
        record(request, path: path, rpcMethod: method, body: body)
        let url = read(\.mcpURL)
        let options = self.options
        let metadataURL = "\(url)/.well-known/oauth-protected-resource\(path)"
        let presented = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        guard let presented, !options.rejectsEveryToken, let grant = read({ $0.accessTokens[presented] }), grant.resource == url + path else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer resource_metadata=\"\(metadataURL)\"" + (presented != nil ? ", error=\"invalid_token\"" : "")
            return Response(status: .unauthorized, headers: headers)
        }
        if let sessionID = options.sessionID, method != "initialize" {
            guard request.headers[HTTPField.Name("Mcp-Session-Id")!] == sessionID else { return Response(status: .notFound) }
        }
        if method == "tools/call", let needed = options.callRequiresScope, !grant.scope.contains(needed) {
            var headers = HTTPFields()
            let scope = (grant.scope.union([needed])).sorted().joined(separator: " ")
            headers[.wwwAuthenticate] = "Bearer error=\"insufficient_scope\", scope=\"\(scope)\", resource_metadata=\"\(metadataURL)\""
            return Response(status: .forbidden, headers: headers)
        }
        guard let id = message["id"], let method else { return Response(status: .accepted) }
        let result = Self.result(for: method, params: message["params"] as? [String: Any] ?? [:])
        var answer: [String: Any] = ["jsonrpc": "2.0", "id": id]
        switch result {
        case .success(let value): answer["result"] = value
        case .failure(let error): answer["error"] = ["code": error.code, "message": error.message]
        }
        var headers = HTTPFields()
        if method == "initialize", let sessionID = options.sessionID { headers[HTTPField.Name("Mcp-Session-Id")!] = sessionID }
        let json = try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys, .withoutEscapingSlashes])
        guard options.mcpAnswersWithSSE else {
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
        }
        headers[.contentType] = "text/event-stream"
        // A comment, a log notification, then the response, with CRLF line ends on the first event.
        let notification = #"{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"working"}}"#
        let stream = ": keep-alive\r\n\r\nevent: message\r\ndata: \(notification)\r\n\r\nid: 1\nevent: message\ndata: \(String(decoding: json, as: UTF8.self))\n\n"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: stream)))
    }

    struct RPCError: Error {
        var code: Int
        var message: String
    }

    static func result(for method: String, params: [String: Any]) -> Result<Any, RPCError> {
        switch method {
        case "initialize":
            let requested = params["protocolVersion"] as? String ?? "2025-11-25"
            return .success([
                "protocolVersion": requested, "capabilities": ["tools": [:] as [String: Any]],
                "serverInfo": ["name": "conformance-mock", "version": "1.0.0"],
            ] as [String: Any])
        case "tools/list":
            return .success(["tools": [["name": "test-tool", "description": "A test tool", "inputSchema": ["type": "object", "properties": [:] as [String: Any]]]]])
        case "tools/call":
            guard params["name"] as? String == "test-tool" else { return .failure(RPCError(code: -32602, message: "unknown tool")) }
            return .success(["content": [["type": "text", "text": "test"]]])
        case "ping":
            return .success([:] as [String: Any])
        default:
            return .failure(RPCError(code: -32601, message: "method not found"))
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MCP
import NIOCore
import Synchronization
import Testing

/// An existing MCP server with no authorization at all, as a gateway would front it: the
/// swift-sdk's own Streamable HTTP transports behind a bare Hummingbird router.
///
/// Tools: `whoami` answers with the identity headers it received (and whether an
/// `Authorization` header reached it), `fail` answers with a tool error, `secret` is never
/// allowed by the gateway's policy. `calls` counts tool calls that reached it.
final class PlainMCPUpstream: Sendable {
    let stateful: Bool
    let calls = Mutex(0)
    private let sessions = Mutex<[String: (Server, StatefulHTTPServerTransport)]>([:])

    init(stateful: Bool) { self.stateful = stateful }

    var callCount: Int { calls.withLock { $0 } }

    func makeServer() async -> Server {
        let server = Server(name: "plain-upstream", version: "0.1.0", capabilities: .init(tools: .init()))
        let tools = [
            Tool(name: "whoami", description: "echo identity headers", inputSchema: .object([:])),
            Tool(name: "fail", description: "always fails", inputSchema: .object([:])),
            Tool(name: "secret", description: "never offered", inputSchema: .object([:])),
        ]
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools) }
        await server.withMethodHandler(CallTool.self) { parameters in
            self.calls.withLock { $0 += 1 }
            let http = Server.currentHandlerContext?.httpContext
            switch parameters.name {
            case "whoami":
                let text = [
                    "user=\(http?.header("X-ZeroTouch-User") ?? "-")", "client=\(http?.header("X-ZeroTouch-Client-ID") ?? "-")",
                    "jti=\(http?.header("X-ZeroTouch-Token-ID") ?? "-")", "scope=\(http?.header("X-ZeroTouch-Scope") ?? "-")",
                    "authorization=\(http?.header("Authorization") == nil ? "absent" : "present")",
                ].joined(separator: " ")
                return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)])
            case "fail":
                return CallTool.Result(content: [.text(text: "boom", annotations: nil, _meta: nil)], isError: true)
            default:
                return CallTool.Result(content: [.text(text: "secret ran", annotations: nil, _meta: nil)])
            }
        }
        return server
    }

    private var validation: any HTTPRequestValidationPipeline {
        StandardValidationPipeline(validators: [
            AcceptHeaderValidator(mode: stateful ? .sseRequired : .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
        ] + (stateful ? [SessionValidator()] : []))
    }

    func handle(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 4 * 1024 * 1024)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let mcpRequest = MCP.HTTPRequest(method: request.method.rawValue, headers: headers, body: body.readableBytes > 0 ? Data(body.readableBytesView) : nil)
        let response: MCP.HTTPResponse
        if stateful {
            response = await statefulResponse(mcpRequest)
        } else {
            let transport = StatelessHTTPServerTransport(validationPipeline: validation)
            let server = await makeServer()
            try await server.start(transport: transport)
            response = await transport.handleRequest(mcpRequest)
            await server.stop()
        }
        var fields = HTTPFields()
        for (name, value) in response.headers { if let field = HTTPField.Name(name) { fields[field] = value } }
        let status = HTTPTypes.HTTPResponse.Status(code: response.statusCode)
        if case .stream(let stream, _) = response {
            let chunks = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
                Task {
                    do {
                        for try await data in stream { continuation.yield(ByteBuffer(bytes: data)) }
                        continuation.finish()
                    } catch { continuation.finish(throwing: error) }
                }
            }
            return Response(status: status, headers: fields, body: ResponseBody(asyncSequence: chunks))
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.bodyData ?? Data())))
    }

    private func statefulResponse(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        if let id = request.header("Mcp-Session-Id") {
            guard let (server, transport) = sessions.withLock({ $0[id] }) else {
                return .error(statusCode: 404, .invalidRequest("unknown session"))
            }
            let response = await transport.handleRequest(request)
            if request.method == "DELETE" {
                sessions.withLock { $0[id] = nil }
                await server.stop()
            }
            return response
        }
        let transport = StatefulHTTPServerTransport(validationPipeline: validation)
        let server = await makeServer()
        try? await server.start(transport: transport)
        let response = await transport.handleRequest(request)
        if let id = response.headers["MCP-Session-Id"] { sessions.withLock { $0[id] = (server, transport) } }
        return response
    }

    /// Runs the upstream on a live loopback port; `body` gets its MCP URL.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.on("mcp", method: .post) { request, _ in try await self.handle(request) }
        router.on("mcp", method: .get) { request, _ in try await self.handle(request) }
        router.on("mcp", method: .delete) { request, _ in try await self.handle(request) }
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)/mcp")
        }
        for (server, _) in sessions.withLock({ Array($0.values) }) { await server.stop() }
    }
}

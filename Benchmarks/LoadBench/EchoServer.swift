import Foundation
import HTTPTypes
import Hummingbird
import MCP
import NIOCore
import ZeroTouchCore
import ZeroTouchResourceServer
import ZeroTouchServer

/// The MCP server every HTTP scenario calls: one `echo` tool, so that the measured difference between
/// "direct", "middleware" and "gateway" is the authorization layer and nothing else.
enum EchoServer {
    /// The scope the tool needs behind the middleware and the gateway.
    static let scope = "bench.read"
    /// The tool.
    static let tool = Tool(
        name: "echo", description: "Returns its text argument.",
        inputSchema: .object(["type": "object", "properties": .object(["text": .object(["type": "string"])])]))

    static func result(_ arguments: [String: Value]) -> CallTool.Result {
        CallTool.Result(content: [.text(text: arguments["text"]?.stringValue ?? "", annotations: nil, _meta: nil)], isError: nil)
    }

    /// The definition hosted behind the bearer middleware (`MCPEndpoint`, as `zerotouch mcp serve` does).
    static let definition = MCPServerDefinition(
        name: "echo", version: "1.0.0", tools: [MCPToolDefinition(tool, requiredScope: Scope([scope])) { arguments, _ in result(arguments) }])

    /// The same tool without any authorization: the "direct" upstream, and the gateway's upstream.
    /// Stateless Streamable HTTP with JSON responses through the swift-sdk, a fresh server per
    /// request, exactly as `zerotouch dev`'s notes server does it.
    static func directApplication(builder: ApplicationBuilder) throws -> Application<RouterResponder<BasicRequestContext>> {
        try builder.makeApplication(context: BasicRequestContext.self) { router in
            router.post("/mcp") { request, _ in try await respondDirectly(to: request) }
        }
    }

    private static func respondDirectly(to request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for name in ["Content-Type", "Accept", HTTPHeaderName.protocolVersion] {
            if let field = HTTPField.Name(name), let value = request.headers[field] { headers[name] = value }
        }
        let transport = StatelessHTTPServerTransport(
            validationPipeline: StandardValidationPipeline(validators: [
                AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
            ]))
        let server = Server(name: "echo", version: "1.0.0", capabilities: Server.Capabilities(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: [tool]) }
        await server.withMethodHandler(CallTool.self) { call in result(call.arguments ?? [:]) }
        try await server.start(transport: transport)
        let response = await transport.handleRequest(
            MCP.HTTPRequest(method: "POST", headers: headers, body: Data(body.readableBytesView), path: request.uri.path))
        await server.stop()
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: response.statusCode), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.bodyData ?? Data())))
    }
}

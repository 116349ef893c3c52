public import Foundation
import HTTPTypes
public import Hummingbird
import MCP
import NIOCore
public import ZeroTouchCore
public import ZeroTouchServer

/// A small MCP server that knows nothing about OAuth: the "existing MCP server" `zerotouch dev` puts
/// behind the gateway. It speaks stateless Streamable HTTP (MCP 2025-11-25 "Transports", JSON
/// responses) through the swift-sdk, and trusts the gateway's `X-ZeroTouch-User` header for the
/// author of a note, which is safe only because it listens on loopback for the gateway alone.
///
/// Tools: `list_notes`, `search_notes` (read), `add_note` (write); the gateway maps them to
/// `notes.read` and `notes.write`.
public struct NotesServer: Sendable {
    private let book: NoteBook
    private let clock: any WallClock

    /// The request header the gateway puts the verified user in (`IdentityHeaders.user`).
    public static let userHeader = "X-ZeroTouch-User"
    /// The scope each tool needs behind the gateway.
    public static let toolScopes: [String: Scope] = ["list_notes": ["notes.read"], "search_notes": ["notes.read"], "add_note": ["notes.write"]]

    /// A server keeping its notes in `fileURL` (in memory when `nil`).
    public init(fileURL: URL?, clock: any WallClock = SystemClock()) {
        self.book = NoteBook(fileURL: fileURL)
        self.clock = clock
    }

    /// The application on `host:port` at `/mcp`, with `/healthz`.
    public func makeApplication(builder: ApplicationBuilder, path: String = "/mcp") throws -> Application<RouterResponder<BasicRequestContext>> {
        try builder.makeApplication(context: BasicRequestContext.self) { router in
            router.post(RouterPath(path)) { request, _ in try await respond(to: request) }
            router.get(RouterPath(path)) { _, _ in Response(status: .methodNotAllowed, headers: [.allow: "POST"]) }
            router.delete(RouterPath(path)) { _, _ in Response(status: .methodNotAllowed, headers: [.allow: "POST"]) }
        }
    }

    /// One JSON-RPC exchange: a fresh swift-sdk server per request, as stateless mode allows.
    private func respond(to request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for name in ["Content-Type", "Accept", HTTPHeaderName.protocolVersion] {
            if let field = HTTPField.Name(name), let value = request.headers[field] { headers[name] = value }
        }
        let author = HTTPField.Name(Self.userHeader).flatMap { request.headers[$0] } ?? "anonymous"
        let transport = StatelessHTTPServerTransport(
            validationPipeline: StandardValidationPipeline(validators: [
                AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
            ]))
        let server = await makeServer(author: String(author.prefix(255)))
        try await server.start(transport: transport)
        let response = await transport.handleRequest(
            MCP.HTTPRequest(method: "POST", headers: headers, body: Data(body.readableBytesView), path: request.uri.path))
        await server.stop()
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let data = response.bodyData ?? Data()
        return Response(
            status: HTTPResponse.Status(code: response.statusCode), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func makeServer(author: String) async -> Server {
        let server = Server(name: "notes", version: "1.0.0", capabilities: Server.Capabilities(tools: .init(listChanged: false)))
        let book = self.book
        let clock = self.clock
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: NotesTools.all) }
        await server.withMethodHandler(CallTool.self) { call in
            NotesTools.call(call.name, arguments: call.arguments ?? [:], book: book, author: author, now: clock.now)
        }
        return server
    }
}

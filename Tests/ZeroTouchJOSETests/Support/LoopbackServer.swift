import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A real Hummingbird server on a loopback port for the HTTP tests; `body` gets its base URL
/// (`http://localhost:<port>`). The server stops when `body` returns.
enum LoopbackServer {
    static func run(_ routes: (Router<BasicRequestContext>) -> Void, _ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        routes(router)
        // HummingbirdTesting binds `localhost` on port 0, so tests run in parallel.
        let app = Application(router: router)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://localhost:\(port)")
        }
    }

    /// A JSON response with extra headers.
    static func json(_ body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// The `scheme://host:port` the request was addressed to.
    static func origin(of request: Request) -> String { "http://" + (request.head.authority ?? "localhost") }
}

/// A request counter shared with route handlers.
final class RequestCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import ZeroTouchCore
@testable import ZeroTouchIdP

/// Runs a fixture's IdP as a real Hummingbird server on 127.0.0.1, port 0, and drives it with
/// AsyncHTTPClient (redirects not followed, cookies handled by hand). The server stops when `body` returns.
enum LiveIdP {
    struct Reply: Sendable {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: String
        var json: [String: JSONValue]? { try? JSONDecoder().decode([String: JSONValue].self, from: Data(body.utf8)) }
        func cookie(_ name: String) -> String? {
            headers["Set-Cookie"].first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
        }
    }

    /// A client bound to the server's base URL.
    struct Client: Sendable {
        let http: HTTPClient
        let baseURL: String

        func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], form: [String: String]? = nil) async throws -> Reply {
            var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : baseURL + path)
            request.method = method
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            if let form {
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                request.body = .bytes(ByteBuffer(string: URLEncodedForm(form).encoded))
            }
            let response = try await http.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            return Reply(status: response.status, headers: response.headers, body: String(buffer: body))
        }
    }

    static func run<T: Sendable>(_ fixture: IdPFixture, _ body: @Sendable (Client) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try fixture.application { port in continuation.yield(port) }
        let logger = Logger(label: "zerotouch.idp.live-test")
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
            let result: Result<T, any Error>
            do {
                result = .success(try await body(Client(http: http, baseURL: "http://127.0.0.1:\(port)")))
            } catch {
                result = .failure(error)
            }
            try await http.shutdown()
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return try result.get()
        }
    }
}

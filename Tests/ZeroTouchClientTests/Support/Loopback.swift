import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// Real Hummingbird servers on loopback ports (HummingbirdTesting `.live`: `localhost`, port 0),
/// so tests run in parallel. The servers stop when `body` returns.
enum Loopback {
    /// Runs every router as its own server and hands `body` their base URLs, `http://localhost:<port>`.
    static func run(_ routers: [Router<BasicRequestContext>], _ body: @Sendable ([String]) async throws -> Void) async throws {
        var logger = Logger(label: "zerotouch.client.tests.mock")
        logger.logLevel = .critical
        let apps = routers.map { Application(router: $0, logger: logger) }
        try await start(apps[...], urls: [], body)
    }

    private static func start(
        _ apps: ArraySlice<Application<RouterResponder<BasicRequestContext>>>, urls: [String], _ body: @Sendable ([String]) async throws -> Void
    ) async throws {
        guard let app = apps.first else { return try await body(urls) }
        let rest = apps.dropFirst()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await start(rest, urls: urls + ["http://localhost:\(port)"], body)
        }
    }

    /// A JSON response.
    static func json(_ object: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        var fields = headers
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An RFC 6749 §5.2 error.
    static func oauthError(_ code: String, _ description: String, status: HTTPResponse.Status = .badRequest, extra: [String: String] = [:]) -> Response {
        var body: [String: Any] = ["error": code, "error_description": description]
        for (key, value) in extra { body[key] = value }
        return json(body, status: status)
    }

    /// The body as a form (repeats keep the last value; the mocks are not the subject here).
    static func form(_ request: Request) async throws -> [String: String] {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let text = String(buffer: buffer)
        var form: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            form[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }

    /// The body as JSON.
    static func jsonBody(_ request: Request) async throws -> Any {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        return try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ZeroTouchCore
import ZeroTouchServer
@testable import ZeroTouchIdP

extension IdPFixture {
    /// The production application of this fixture's provider, on 127.0.0.1 port 0.
    func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        try buildIdentityProvider(
            provider, server: ServerSettings(host: "127.0.0.1", port: 0), logger: Logger(label: "zerotouch.idp.test"),
            onServerRunning: onServerRunning)
    }
}

/// Small helpers for requests and responses in tests.
enum HTTPTest {
    static func form(_ parameters: [String: String]) -> ByteBuffer {
        ByteBuffer(string: URLEncodedForm(parameters).encoded)
    }

    static func formHeaders(_ extra: [HTTPField.Name: String] = [:]) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        for (name, value) in extra { headers[name] = value }
        return headers
    }

    static func jsonHeaders(bearer: String?) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        return headers
    }

    static func basic(_ id: String, _ secret: String) -> String {
        "Basic " + Data("\(URLEncodedForm.encode(id)):\(URLEncodedForm.encode(secret))".utf8).base64EncodedString()
    }

    static func json(_ body: ByteBuffer) throws -> [String: JSONValue] {
        try JSONDecoder().decode([String: JSONValue].self, from: Data(body.readableBytesView))
    }

    static func text(_ body: ByteBuffer) -> String { String(buffer: body) }

    /// The `value` of the hidden input `name` in an HTML page.
    static func hiddenField(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The value a `Set-Cookie` header gives `name`.
    static func cookie(_ name: String, in headers: HTTPFields) -> String? {
        for header in headers[values: .setCookie] where header.hasPrefix(name + "=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ZeroTouchClient
import ZeroTouchCore
import ZeroTouchIdP

/// The few HTTP exchanges the replica tests make by hand, so that each step can go to a chosen replica.
struct ReplicaReply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: String

    /// The JSON body's top-level object.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    /// A string member of the JSON body.
    func string(_ name: String) -> String? { json[name] as? String }
    /// The query parameters of the `Location` header.
    var locationQuery: [String: String] {
        guard let location = headers.first(name: "Location"), let items = URLComponents(string: location)?.queryItems else { return [:] }
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }
    /// The cookies it sets, by name.
    var cookies: [String: String] {
        var cookies: [String: String] = [:]
        for header in headers["Set-Cookie"] {
            guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            cookies[String(pair[..<equals]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: equals)...])
        }
        return cookies
    }
}

/// Redirects are never followed: a `303` to the client's `redirect_uri` is read, not fetched.
enum ReplicaHTTP {
    static func get(_ url: String, cookies: [String: String] = [:]) async throws -> ReplicaReply {
        try await send(url, method: .GET, body: nil, cookies: cookies, basic: nil)
    }

    static func postForm(
        _ url: String, _ fields: [String: String], cookies: [String: String] = [:], basic: (String, String)? = nil
    ) async throws -> ReplicaReply {
        try await send(url, method: .POST, body: URLEncodedForm(fields).encoded, cookies: cookies, basic: basic)
    }

    /// The value of a hidden form field in an HTML page.
    static func hiddenField(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// A PKCE pair (RFC 7636 §4.1–4.2, S256).
    static func pkce() -> (verifier: String, challenge: String) {
        let verifier = (0..<4).map { _ in UUID().uuidString.replacingOccurrences(of: "-", with: "") }.joined()
        return (verifier, PKCE.challenge(for: verifier))
    }

    private static func send(
        _ url: String, method: HTTPMethod, body: String?, cookies: [String: String], basic: (String, String)?
    ) async throws -> ReplicaReply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")) }
        if let (user, password) = basic {
            request.headers.add(name: "Authorization", value: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response: HTTPClientResponse
        do { response = try await ZeroTouchHTTPClient.shared.execute(request, timeout: .seconds(10)) } catch { throw FixtureError("\(method) \(url): \(error)") }
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return ReplicaReply(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }
}

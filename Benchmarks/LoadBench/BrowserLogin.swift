import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import ZeroTouchClient
import ZeroTouchCore

/// Signs the benchmark user in once through the IdP's real sign-in form (the same steps as
/// `zerotouch dev`'s `ScriptedBrowser`, which is internal to ZeroTouchCommands) and returns the
/// ID token: the "given an ID token" starting point of every scenario.
enum BrowserLogin {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func idToken(issuer: Issuer, clientID: String, secret: String, username: String, password: String) async throws -> String {
        let signOn = SingleSignOn(
            settings: LoginSettings(
                issuer: issuer, credential: TokenEndpointCredential(clientID: ClientID(clientID), secret: SecretValue(secret), method: .clientSecretBasic),
                browserTimeout: .seconds(30)),
            clock: SystemClock())
        let credentials = try await signOn.logIn { url in try await signIn(at: url, username: username, password: password) }
        return credentials.idToken.revealed
    }

    private struct Reply {
        var status: Int
        var location: String?
        var body: String
    }

    private static func signIn(at url: URL, username: String, password: String) async throws {
        var cookies: [String: String] = [:]
        let page = try await send(url.absoluteString, method: .GET, cookies: &cookies)
        guard page.status == 200, let action = match(page.body, after: "<form method=\"post\" action=\"", until: "\""),
            let target = URL(string: action, relativeTo: url)?.absoluteURL
        else { throw Failure(description: "no sign-in form (HTTP \(page.status))") }
        var fields = ["username": username, "password": password]
        for name in ["request_id", "csrf_token"] {
            fields[name] = match(page.body, after: "name=\"\(name)\" value=\"", until: "\"")?.replacingOccurrences(of: "&amp;", with: "&")
        }
        let reply = try await send(target.absoluteString, method: .POST, body: URLEncodedForm(fields).encoded, cookies: &cookies)
        guard reply.status / 100 == 3, let location = reply.location else {
            throw Failure(description: "sign-in refused (HTTP \(reply.status)): \(match(reply.body, after: "class=\"error\"", until: "</p>") ?? "")")
        }
        var none: [String: String] = [:]
        _ = try await send(location, method: .GET, cookies: &none)
    }

    private static func match(_ html: String, after prefix: String, until terminator: String) -> String? {
        guard let start = html.range(of: prefix)?.upperBound, let end = html[start...].range(of: terminator)?.lowerBound else { return nil }
        return String(html[start..<end])
    }

    private static func send(_ url: String, method: HTTPMethod, body: String? = nil, cookies: inout [String: String]) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "text/html")
        if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await ZeroTouchHTTPClient.shared.execute(request, timeout: .seconds(10))  // never follows redirects
        for header in response.headers["Set-Cookie"] {
            guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            cookies[String(pair[..<equals]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: equals)...])
        }
        let bytes = try await response.body.collect(upTo: 256 * 1024)
        return Reply(status: Int(response.status.code), location: response.headers.first(name: "Location"), body: String(buffer: bytes))
    }
}

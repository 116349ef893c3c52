import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
import ZeroTouchClient
import ZeroTouchCore

/// A programmatic browser for the IdP's real sign-in pages over HTTP, for the demo and the
/// end-to-end tests: what a person does in the system browser during `zerotouch login`.
///
/// `signIn(at:)` takes the authorization URL the client library opened (OpenID Connect Core
/// §3.1.2.1, with PKCE, `state` and `nonce`), then: GET it → the sign-in form and its cookie →
/// POST `/login` with the username, password, `request_id` and `csrf_token` (the cookie sent back)
/// → when asked, POST `/login/otp` with the TOTP code (RFC 6238) → follow the `303` to the
/// client's loopback `redirect_uri`, which delivers the code to the client library. Redirects
/// are followed by hand, and only to the two places the flow sends them.
public struct ScriptedBrowser: Sendable {
    /// The account name typed into the form.
    public var username: String
    /// The password typed into the form.
    public var password: String
    /// Computes the current one-time code, when the account has a second factor.
    public var oneTimeCode: (@Sendable () -> String)?
    private let client: HTTPClient

    /// A browser that signs in as `username`.
    public init(username: String, password: String, oneTimeCode: (@Sendable () -> String)? = nil) {
        self.username = username
        self.password = password
        self.oneTimeCode = oneTimeCode
        self.client = ZeroTouchHTTPClient.shared
    }

    /// Runs the sign-in from the authorization URL to the loopback redirect.
    /// - Throws: `BrowserSignInError`, or transport errors.
    public func signIn(at authorizationURL: URL) async throws {
        var cookies: [String: String] = [:]
        let first = try await send(authorizationURL.absoluteString, method: .GET, cookies: &cookies)
        if let location = first.location, first.status / 100 == 3 { return try await deliver(to: location) }
        var page = try form(from: first)
        var reply = try await submit(page, at: authorizationURL, fields: ["username": username, "password": password], cookies: &cookies)
        if reply.status == 200 {
            page = try form(from: reply)
            guard page.asksForSecondFactor else { throw BrowserSignInError.unexpected("a page without a redirect after the password") }
            guard let oneTimeCode else { throw BrowserSignInError.secondFactorRequired }
            reply = try await submit(page, at: authorizationURL, fields: ["code": oneTimeCode()], cookies: &cookies)
        }
        guard reply.status / 100 == 3, let location = reply.location else {
            throw BrowserSignInError.refused(status: reply.status, message: SignInPage(html: reply.body).errorMessage ?? "HTTP \(reply.status)")
        }
        try await deliver(to: location)
    }

    private func form(from reply: Reply) throws -> SignInPage {
        let page = SignInPage(html: reply.body)
        guard reply.status == 200, page.action != nil, page.hiddenFields.count == 2 else {
            throw BrowserSignInError.refused(status: reply.status, message: page.errorMessage ?? "no sign-in form (HTTP \(reply.status))")
        }
        return page
    }

    private func submit(_ page: SignInPage, at base: URL, fields: [String: String], cookies: inout [String: String]) async throws -> Reply {
        guard let action = page.action, let target = URL(string: action, relativeTo: base)?.absoluteURL else {
            throw BrowserSignInError.unexpected("a form without an action")
        }
        let body = URLEncodedForm(page.hiddenFields.merging(fields) { $1 }).encoded
        return try await send(target.absoluteString, method: .POST, body: body, cookies: &cookies)
    }

    /// The last hop: the IdP's redirect to the client's loopback listener (RFC 8252 §7.3).
    private func deliver(to location: String) async throws {
        guard let url = URL(string: location), url.host == "127.0.0.1" else {
            throw BrowserSignInError.unexpected("a redirect away from the loopback redirect_uri")
        }
        var none: [String: String] = [:]
        let reply = try await send(location, method: .GET, cookies: &none)
        guard reply.status == 200 else { throw BrowserSignInError.unexpected("the redirect_uri answered HTTP \(reply.status)") }
    }

    private struct Reply {
        var status: Int
        var location: String?
        var body: String
    }

    private func send(_ url: String, method: HTTPMethod, body: String? = nil, cookies: inout [String: String]) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "text/html")
        if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(10))
        for header in response.headers["Set-Cookie"] {
            guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            cookies[String(pair[..<equals]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: equals)...])
        }
        let bytes = try await response.body.collect(upTo: 256 * 1024)
        return Reply(status: Int(response.status.code), location: response.headers.first(name: "Location"), body: String(buffer: bytes))
    }
}

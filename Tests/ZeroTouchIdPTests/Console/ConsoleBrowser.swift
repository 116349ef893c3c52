import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
@testable import ZeroTouchIdP

/// A browser for console tests: signs in through `/admin/login` and the IdP's own sign-in form, keeps
/// the session cookie, and reads the CSRF token from the pages it gets.
struct ConsoleBrowser: Sendable {
    let client: LiveIdP.Client
    let session: String

    /// The console's admin group with alice in it.
    static func makeAdmins(_ fixture: IdPFixture) async throws {
        let group = try await fixture.registry.createGroup(name: IdPOptions.defaultConsoleAdminGroup, by: IdPFixture.admin)
        try await fixture.registry.addMember(fixture.alice.id, to: group.id, by: IdPFixture.admin)
    }

    /// Signs `username` in the way a browser does: `/admin/login` → `/login` → `/admin/callback` → `/admin`.
    static func signIn(_ client: LiveIdP.Client, username: String = "alice") async throws -> ConsoleBrowser {
        let page = try await client.send(.GET, "/admin/login")
        #expect(page.status == .ok)
        let binding = try #require(page.cookie("zt_signin"))
        let console = try #require(page.cookie("zt_console"))
        let requestID = try #require(HTTPTest.hiddenField("request_id", in: page.body))
        let csrf = try #require(HTTPTest.hiddenField("csrf_token", in: page.body))
        let login = try await client.send(
            .POST, "/login", headers: [("Cookie", "zt_signin=\(binding)")],
            form: ["request_id": requestID, "csrf_token": csrf, "username": username, "password": IdPFixture.password])
        #expect(login.status == .seeOther)
        let session = try #require(login.cookie("zt_session"))
        let location = try #require(login.headers["Location"].first)
        #expect(location.hasPrefix(client.baseURL + AdminConsoleClient.callbackPath))
        let callback = try await client.send(.GET, location, headers: [("Cookie", "zt_session=\(session); zt_console=\(console)")])
        #expect(callback.status == .seeOther)
        #expect(callback.headers["Location"].first == "/admin")
        return ConsoleBrowser(client: client, session: session)
    }

    /// `GET path` with the session.
    func get(_ path: String) async throws -> LiveIdP.Reply {
        try await client.send(.GET, path, headers: [("Cookie", "zt_session=\(session)")])
    }

    /// `POST path` with the session, `form`, and the CSRF token of the page at `tokenFrom` unless `csrf` is given.
    func post(_ path: String, _ form: [String: String], csrf: String? = nil, headers: [(String, String)] = []) async throws -> LiveIdP.Reply {
        var form = form
        if let csrf {
            form["csrf_token"] = csrf
        } else if form["csrf_token"] == nil {
            form["csrf_token"] = try await token()
        }
        return try await client.send(.POST, path, headers: [("Cookie", "zt_session=\(session)")] + headers, form: form)
    }

    /// The session's CSRF token, read from a console form.
    func token() async throws -> String {
        try #require(HTTPTest.hiddenField("csrf_token", in: try await get("/admin/groups").body))
    }

    /// Whether `reply` carries every console security header.
    static func hasSecurityHeaders(_ reply: LiveIdP.Reply) -> Bool {
        let csp = reply.headers["Content-Security-Policy"].first ?? ""
        return csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && csp.contains("form-action 'self'")
            && csp.contains("base-uri 'none'") && csp.contains("style-src 'self'")
            && reply.headers["X-Frame-Options"].first == "DENY" && reply.headers["X-Content-Type-Options"].first == "nosniff"
            && reply.headers["Referrer-Policy"].first == "no-referrer" && reply.headers["Cache-Control"].first == "no-store"
    }
}

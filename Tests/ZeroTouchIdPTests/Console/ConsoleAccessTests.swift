import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

/// Who may use the web admin console, over loopback HTTP (issue 10).
@Suite("Admin console access")
struct ConsoleAccessTests {
    @Test("a signed-out visitor is sent to sign in, with the security headers")
    func signedOutRedirects() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await LiveIdP.run(fixture) { client in
            for path in ["/admin", "/admin/users", "/admin/audit.csv", "/admin/keys"] {
                let reply = try await client.send(.GET, path)
                #expect(reply.status == .found)
                #expect(reply.headers["Location"].first == "/admin/login")
                #expect(ConsoleBrowser.hasSecurityHeaders(reply))
            }
            let post = try await client.send(.POST, "/admin/groups", form: ["name": "x", "csrf_token": "x"])
            #expect(post.status == .seeOther && post.headers["Location"].first == "/admin/login")
            #expect(fixture.registry.snapshot.group(named: "x") == nil)
        }
    }

    @Test("an admin signs in through the IdP's own login and every page renders", arguments: RuntimeStores.allCases)
    func everyPageRenders(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(issuer: nil, runtime: runtime)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let group = try #require(fixture.registry.snapshot.group(named: "idp-admins"))
            let pages = [
                "/admin", "/admin/users", "/admin/users?q=ali", "/admin/users/\(fixture.alice.id.rawValue)", "/admin/groups",
                "/admin/groups/\(group.id.rawValue)", "/admin/servers", "/admin/servers/s-files", "/admin/clients", "/admin/clients/cli",
                "/admin/policies", "/admin/policies/r-files", "/admin/explain", "/admin/matrix", "/admin/audit", "/admin/keys",
            ]
            for path in pages {
                let reply = try await browser.get(path)
                #expect(reply.status == .ok, "\(path)")
                #expect(ConsoleBrowser.hasSecurityHeaders(reply), "\(path)")
                #expect(reply.body.contains("<h1>"), "\(path)")
            }
            let css = try await client.send(.GET, "/admin/console.css")
            #expect(css.headers["Content-Type"].first?.hasPrefix("text/css") == true)
            let sessions = try await fixture.auditLog.query(AuditQuery(event: "login", clientID: AdminConsoleClient.clientID.rawValue))
            #expect(sessions.records.first?.outcome == .success)
        }
    }

    @Test("a signed-in user outside the admin group gets 403 and can change nothing")
    func nonAdminIsRefused() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client, username: "carol")
            let page = try await browser.get("/admin/users")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("not a member of the group idp-admins"))
            #expect(ConsoleBrowser.hasSecurityHeaders(page))
            let csrf = try #require(HTTPTest.hiddenField("csrf_token", in: page.body))
            let post = try await browser.post("/admin/groups", ["name": "sneaky"], csrf: csrf)
            #expect(post.status == .forbidden)
            #expect(fixture.registry.snapshot.group(named: "sneaky") == nil)
        }
    }

    @Test("a form without the session's CSRF token, or from another origin, is refused and changes nothing")
    func csrfIsEnforced() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let missing = try await client.send(.POST, "/admin/groups", headers: [("Cookie", "zt_session=\(browser.session)")], form: ["name": "g1"])
            #expect(missing.status == .forbidden)
            let wrong = try await browser.post("/admin/groups", ["name": "g2"], csrf: "forged-token")
            #expect(wrong.status == .forbidden)
            #expect(ConsoleBrowser.hasSecurityHeaders(wrong))
            let foreign = try await browser.post("/admin/groups", ["name": "g3"], headers: [("Origin", "https://evil.example")])
            #expect(foreign.status == .forbidden)
            let crossSite = try await browser.post("/admin/groups", ["name": "g4"], headers: [("Sec-Fetch-Site", "cross-site")])
            #expect(crossSite.status == .forbidden)
            let rotate = try await browser.post("/admin/keys/rotate", [:], csrf: "")
            #expect(rotate.status == .forbidden)
            for name in ["g1", "g2", "g3", "g4"] { #expect(fixture.registry.snapshot.group(named: name) == nil) }
            let keys = try await fixture.auditLog.query(AuditQuery(event: IdentityProvider.keyRotationAuditEvent))
            #expect(keys.records.isEmpty)
            // What a browser sends from a `Referrer-Policy: no-referrer` page of this console.
            let browserLike = try await browser.post(
                "/admin/groups", ["name": "g5"], headers: [("Origin", "null"), ("Sec-Fetch-Site", "same-origin")])
            #expect(browserLike.status == .seeOther)
            let sameOrigin = try await browser.post("/admin/groups", ["name": "g6"], headers: [("Origin", client.baseURL)])
            #expect(sameOrigin.status == .seeOther)
        }
    }

    @Test("a callback without the browser's binding cookie or with another state signs nothing in")
    func callbackChecksBinding() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await LiveIdP.run(fixture) { client in
            let page = try await client.send(.GET, "/admin/login")
            let console = try #require(page.cookie("zt_console"))
            let noCookie = try await client.send(.GET, "/admin/callback?code=abc&state=def&iss=\(client.baseURL)")
            #expect(noCookie.status == .badRequest)
            let wrongState = try await client.send(
                .GET, "/admin/callback?code=abc&state=other&iss=\(client.baseURL)", headers: [("Cookie", "zt_console=\(console)")])
            #expect(wrongState.status == .badRequest)
            #expect(ConsoleBrowser.hasSecurityHeaders(wrongState))
        }
    }
}

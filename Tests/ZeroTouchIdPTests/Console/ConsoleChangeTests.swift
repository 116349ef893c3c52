import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

/// Changes made through the console's forms reach the registry through the audited admin operations,
/// and bad input shows the page again with the problem and changes nothing (issue 10).
@Suite("Admin console changes")
struct ConsoleChangeTests {
    @Test("creating a group through the form changes the registry and is audited with the console actor")
    func createsGroup() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let reply = try await browser.post("/admin/groups", ["name": "auditors", "description": "Read the trail"])
            #expect(reply.status == .seeOther)
            let group = try #require(fixture.registry.snapshot.group(named: "auditors"))
            #expect(reply.headers["Location"].first == "/admin/groups/\(group.id.rawValue)?notice=created")
            let add = try await browser.post("/admin/groups/\(group.id.rawValue)/members/add", ["username": "bob"])
            #expect(add.status == .seeOther)
            #expect(fixture.registry.snapshot.memberIDs(of: group.id) == [fixture.bob.id])
            let records = try await fixture.auditLog.query(AuditQuery(event: "admin.", actor: "console:alice"))
            #expect(records.records.count == 2)
        }
    }

    @Test("a bad form shows the page again with a precise message and changes nothing")
    func badInputIsShown() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let before = fixture.registry.snapshot.groups.count
            let empty = try await browser.post("/admin/groups", ["name": "", "description": "<b>typed</b>"])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("class=\"error\""))
            #expect(empty.body.contains("&lt;b&gt;typed&lt;/b&gt;"))
            let taken = try await browser.post("/admin/groups", ["name": "idp-admins"])
            #expect(taken.status == .conflict)
            let rule = try await browser.post("/admin/policies", ["name": "bad", "effect": "maybe"])
            #expect(rule.status == .unprocessableEntity)
            #expect(rule.body.contains("effect: must be allow or deny"))
            let scopes = try await browser.post("/admin/policies", ["name": "bad", "effect": "allow", "everyone": "on", "scopes": "a\u{1}b"])
            #expect(scopes.status == .unprocessableEntity)
            #expect(fixture.registry.snapshot.groups.count == before)
            #expect(fixture.registry.snapshot.rules.count == 4)
        }
    }

    @Test("every value is escaped: a name with markup is shown as text")
    func valuesAreEscaped() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            _ = try await browser.post("/admin/groups", ["name": "<script>alert(1)</script>", "description": "\"quoted\" & 'single'"])
            let page = try await browser.get("/admin/groups")
            #expect(!page.body.contains("<script>alert(1)</script>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.contains("&quot;quoted&quot; &amp; &#39;single&#39;"))
        }
    }

    @Test("creating a policy rule through the form adds it, and explain shows the decision and the rules")
    func createsPolicyAndExplains() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let reply = try await browser.post(
                "/admin/policies",
                ["name": "dave reads the calendar", "effect": "allow", "users": "dave", "server.s-calendar": "on", "scopes": "read"])
            #expect(reply.status == .seeOther)
            let rule = try #require(fixture.registry.snapshot.rules.first { $0.name == "dave reads the calendar" })
            #expect(rule.subjects.users == [fixture.dave.id] && rule.servers == [fixture.calendar.id] && rule.scopes == ["read"])
            let allowed = try await browser.get("/admin/explain?user=dave&client=cli&server=s-calendar&scope=read")
            #expect(allowed.status == .ok)
            #expect(allowed.body.contains("<span class=\"allow\">allow</span>"))
            #expect(allowed.body.contains("dave reads the calendar"))
            let denied = try await browser.get("/admin/explain?user=carol&client=cli&server=s-files")
            #expect(denied.body.contains("<span class=\"deny\">deny</span>") && denied.body.contains("no files for carol"))
            let unknown = try await browser.get("/admin/explain?user=nobody&client=cli&server=s-files")
            #expect(unknown.status == .unprocessableEntity)
            let matrix = try await browser.get("/admin/matrix")
            #expect(matrix.body.contains("idp-admins") && matrix.body.contains("read write"))
            let edit = try await browser.post("/admin/policies/\(rule.id.rawValue)", ["name": "dave reads", "effect": "allow", "users": "dave"])
            #expect(edit.status == .seeOther)
            #expect(fixture.registry.snapshot.rule(rule.id)?.servers == nil)
            let delete = try await browser.post("/admin/policies/\(rule.id.rawValue)/delete", [:])
            #expect(delete.status == .seeOther && fixture.registry.snapshot.rule(rule.id) == nil)
        }
    }

    @Test("users: create with a generated password shown once, suspend, reactivate, reset")
    func managesUsers() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let created = try await browser.post("/admin/users", ["username": "erin", "display_name": "Erin"])
            #expect(created.status == .ok && created.body.contains("id=\"generated-password\""))
            let erin = try #require(fixture.registry.snapshot.user(username: "erin"))
            _ = try await browser.post("/admin/users/\(erin.id.rawValue)/suspend", [:])
            #expect(fixture.registry.snapshot.user(erin.id)?.isActive == false)
            _ = try await browser.post("/admin/users/\(erin.id.rawValue)/reactivate", [:])
            #expect(fixture.registry.snapshot.user(erin.id)?.isActive == true)
            let reset = try await browser.post("/admin/users/\(erin.id.rawValue)/password", [:])
            #expect(reset.status == .ok && reset.body.contains("Password reset"))
            let server = try await browser.post(
                "/admin/servers", ["name": "Wiki", "resource": "https://wiki.example.com/mcp", "authorization_server": "https://auth.wiki.example.com",
                    "scopes": "wiki.read Read pages", "id_jag_lifetime": "120"])
            #expect(server.status == .seeOther)
            let wiki = try #require(fixture.registry.snapshot.servers.first { $0.name == "Wiki" })
            #expect(wiki.idJAGLifetime == 120 && wiki.scopes == [ScopeDefinition("wiki.read", description: "Read pages")])
            let longLifetime = try await browser.post("/admin/servers/\(wiki.id.rawValue)", ["name": "Wiki", "id_jag_lifetime": "9999"])
            #expect(longLifetime.status == .unprocessableEntity && fixture.registry.snapshot.server(wiki.id)?.idJAGLifetime == 120)
            let mapped = try await browser.post(
                "/admin/clients/web", ["name": "Web host", "method": "client_secret_post", "redirect_uris": "https://web.example.com/cb",
                    "server_client_id.\(wiki.id.rawValue)": "web-at-wiki"])
            #expect(mapped.status == .seeOther)
            #expect(fixture.registry.snapshot.client("web")?.serverClientIDs[wiki.id] == "web-at-wiki")
        }
    }

    @Test("audit filters by user and outcome, follows a grant's trail, and exports CSV")
    func auditFiltersAndExports() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let idToken = try await fixture.idToken(for: fixture.alice)
            _ = try await fixture.provider.exchange.exchange(fixture.exchangeForm(subjectToken: idToken), for: IdPFixture.authenticated("cli"))
            let grant = try await fixture.auditLog.query(AuditQuery(event: TokenExchange.auditEvent, outcome: .success))
            let jti = try #require(grant.records.first?.jti)
            let browser = try await ConsoleBrowser.signIn(client)
            let page = try await browser.get("/admin/audit?user=alice&event=token_exchange&outcome=success")
            #expect(page.status == .ok)
            #expect(page.body.contains(jti))
            #expect(!page.body.contains("<td>login</td>"))
            let trail = try await browser.get("/admin/audit?trail=\(jti)")
            #expect(trail.body.contains("token_exchange"))
            let bad = try await browser.get("/admin/audit?user=nobody")
            #expect(bad.status == .unprocessableEntity && bad.body.contains("user: no user named"))
            let csv = try await browser.get("/admin/audit.csv?event=token_exchange")
            #expect(csv.status == .ok)
            #expect(csv.headers["Content-Type"].first == "text/csv; charset=utf-8")
            #expect(csv.headers["Content-Disposition"].first?.contains("attachment") == true)
            #expect(ConsoleBrowser.hasSecurityHeaders(csv))
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.first == Substring(AuditCSV.header))
            #expect(lines.count == 2 && lines[1].contains(jti))
        }
    }

    @Test("the audit view pages through older records with the filters kept")
    func auditPages() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        for index in 0..<(ConsoleAuditFilter.pageSize + 5) {
            try await fixture.auditLog.append(
                AuditRecord(time: fixture.clock.now, service: "gateway", event: "tool.call", outcome: .success, jti: "call-\(index)"))
        }
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let first = try await browser.get("/admin/audit?event=tool.call")
            #expect(first.body.components(separatedBy: "<td>tool.call</td>").count - 1 == ConsoleAuditFilter.pageSize)
            let older = try #require(first.body.range(of: "href=\"/admin/audit?event=tool.call&amp;cursor=").map { range in
                String(first.body[range.lowerBound...].dropFirst(6).prefix { $0 != "\"" })
            })
            let second = try await browser.get(older.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.body.components(separatedBy: "<td>tool.call</td>").count - 1 == 5)
            #expect(second.body.contains(">Newest</a>"))
        }
    }

    @Test("the console's client_id cannot be registered, by the console or the API")
    func consoleClientIDIsReserved() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        await #expect(throws: IdPAdminError.self) {
            try await fixture.registry.register(
                ClientDraft(id: AdminConsoleClient.clientID, name: "Impostor", method: .none, redirectURIs: ["https://evil.example/cb"]),
                by: IdPFixture.admin)
        }
    }

    @Test("a formula-looking cell is neutralized in the CSV")
    func csvNeutralizesFormulas() {
        #expect(AuditCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AuditCSV.cell("alice") == "\"alice\"")
    }

    @Test("rotating the signing key through the form is audited and shows the new key")
    func rotatesKeys() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await ConsoleBrowser.makeAdmins(fixture)
        try await LiveIdP.run(fixture) { client in
            let browser = try await ConsoleBrowser.signIn(client)
            let before = try await fixture.provider.signingKeyStatuses(now: fixture.clock.now)
            let reply = try await browser.post("/admin/keys/rotate", [:])
            #expect(reply.status == .seeOther)
            let after = try await fixture.provider.signingKeyStatuses(now: fixture.clock.now)
            #expect(after.count == before.count + 1)
            #expect(after.contains { $0.stage == .pending })
            let page = try await browser.get("/admin/keys")
            for key in after { #expect(page.body.contains(key.keyID.rawValue)) }
            let records = try await fixture.auditLog.query(AuditQuery(event: IdentityProvider.keyRotationAuditEvent, actor: "console:alice"))
            #expect(records.records.count == 1)
        }
    }
}

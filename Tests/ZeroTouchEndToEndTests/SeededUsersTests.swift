import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore
import ZeroTouchIdP

/// The full flow for each seeded person: the real sign-in page, the catalog, both exchanges for
/// every server, and a tool call on each; what each reaches is exactly what their group's policy gives.
@Suite("Seeded users, end to end")
struct SeededUsersTests {
    @Test(
        "each active person signs in, connects to exactly the servers their group may use, with exactly its scopes, and calls a tool on each",
        arguments: DevOrganization.accounts.filter { !$0.isSuspended }.map(\.username))
    func fullFlow(username: String) async throws {
        let account = try #require(DevOrganization.account(username))
        try await DevFixture.run { fixture in
            let session = try await fixture.signIn(username)
            #expect(session.credentials.identity.issuer == fixture.topology.identityProviderIssuer)
            let reports = try await session.connectToEverything()
            let expected = DevServer.allCases.filter {
                !DevOrganization.allowedScopes(for: account.group, at: $0, secondFactor: account.hasSecondFactor).isEmpty
            }
            #expect(Set(reports.map(\.entry.name)) == Set(expected.map(\.name)))
            for report in reports {
                let server = try #require(DevServer(rawValue: report.entry.name))
                let allowed = DevOrganization.allowedScopes(for: account.group, at: server, secondFactor: account.hasSecondFactor)
                #expect(Set(report.entry.scopes) == Set(allowed), "\(username) at \(server.name)")
                let connection = try #require(report.connection, "\(username) could not connect to \(server.name): \(report.status)")
                let tool = ToolCalls.readTool(of: server)
                _ = try await ToolCalls.call(connection, tool.name, tool.arguments)
                await connection.close()
            }
        }
    }

    @Test("the suspended account is refused at the sign-in page and gets no session")
    func suspendedAccountCannotSignIn() async throws {
        try await DevFixture.run { fixture in
            let error = try await #require(throws: BrowserSignInError.self) { try await fixture.signIn("sam") }
            guard case .refused(let status, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(status == 401)
            #expect(message.contains("suspended"))
            let logins = try await fixture.audit(AuditQuery(service: "idp", event: "login", outcome: .failure))
            #expect(logins.contains { $0.reason != nil })
        }
    }

    @Test("a user suspended after signing in gets no ID-JAG: the exchange answers invalid_grant")
    func suspendedAfterSignIn() async throws {
        try await DevFixture.run { fixture in
            let alice = try await fixture.signIn("alice")
            let registry = fixture.environment.identityProvider.registry
            let user = try #require(registry.snapshot.user(username: "alice"))
            try await registry.suspendUser(user.id, by: "e2e")
            let error = try await #require(throws: ZeroTouchClientError.self) { _ = try await alice.connect(to: .docs) }
            #expect(error.oauthError?.error == OAuthErrorCode.invalidGrant.rawValue)
        }
    }
}

import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore

/// Refusals by the IdP's policy: shown to the user with the IdP's reason, never reaching the
/// authorization server, and audited with the reference the user sees.
@Suite("Policy denials")
struct DenialTests {
    @Test("marketing asking for the issues server gets access_denied with the IdP's reason and an audit reference that finds the decision")
    func marketingIsRefusedTheIssuesServer() async throws {
        try await DevFixture.run { fixture in
            let maya = try await fixture.signIn("maya")
            let error = try await #require(throws: ZeroTouchClientError.self) { _ = try await maya.connect(to: .issues) }
            #expect(error.code == .blockedByPolicy)
            #expect(error.oauthError?.error == OAuthErrorCode.accessDenied.rawValue)
            let denial = try #require(error.denial)
            #expect(denial.reason.contains("policy"))
            let decisions = try await fixture.audit(AuditQuery(service: "idp", event: "token_exchange", outcome: .denied))
            let decision = try #require(decisions.first { $0.id == denial.auditReference })
            #expect(decision.subject == maya.credentials.identity.subject.rawValue)
            #expect(decision.resource == fixture.topology.issuesResource.rawValue)
            #expect(decision.reason == "no_matching_allow_rule")
            let redemptions = try await fixture.audit(
                AuditQuery(service: "as", event: "jwt_bearer", resource: fixture.topology.issuesResource.rawValue))
            #expect(redemptions.isEmpty, "nothing may reach the authorization server after a denial")
        }
    }

    @Test("a contractor without a second factor is asked for one (insufficient_user_authentication), and issues is not in their catalog")
    func contractorWithoutSecondFactor() async throws {
        try await DevFixture.run { fixture in
            let dana = try await fixture.signIn("dana")
            #expect(try await dana.connectToEverything().isEmpty)
            let error = try await #require(throws: ZeroTouchClientError.self) { _ = try await dana.connect(to: .issues) }
            #expect(error.oauthError?.error == OAuthErrorCode.insufficientUserAuthentication.rawValue)
            #expect(error.oauthError?.errorDescription?.contains("second factor") == true)
        }
    }

    @Test("a contractor with a second factor reads issues but cannot write: the issues server answers 403 insufficient_scope")
    func contractorReadsButCannotWrite() async throws {
        try await DevFixture.run { fixture in
            let carlos = try await fixture.signIn("carlos")
            let connection = try await carlos.connect(to: .issues)
            _ = try await ToolCalls.call(connection, "list_issues")
            let error = try await #require(throws: ZeroTouchClientError.self) {
                _ = try await ToolCalls.call(connection, "create_issue", ["title": "not allowed"])
            }
            #expect(error.code == .insufficientScope)
            #expect(error.status == 403)
            await connection.close()
        }
    }
}

import Testing
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore

/// EMA-S §7.4.2: an ID-JAG is redeemed once.
@Suite("ID-JAG replay")
struct ReplayTests {
    @Test("the second redemption of one ID-JAG is refused with invalid_grant and audited as a failure with the ID-JAG's jti")
    func secondRedemptionIsRefused() async throws {
        try await DevFixture.run { fixture in
            let alice = try await fixture.signIn("alice")
            let idJAG = try await fixture.client.requestIDJAG(alice, for: .issues, scope: ["issues.read"])
            let token = try await fixture.client.redeem(idJAG, for: .issues)
            #expect(token.resource == fixture.topology.issuesResource)
            let error = try await #require(throws: ZeroTouchClientError.self) { _ = try await fixture.client.redeem(idJAG, for: .issues) }
            #expect(error.code == .jwtBearerGrantFailed)
            #expect(error.oauthError?.error == OAuthErrorCode.invalidGrant.rawValue)
            let redemptions = try await fixture.audit(AuditQuery(service: "as", event: "jwt_bearer"))
            let success = try #require(redemptions.first { $0.outcome == .success })
            let failure = try #require(redemptions.first { $0.outcome == .failure })
            #expect(failure.correlationID == success.correlationID, "both records name the same ID-JAG jti")
        }
    }
}

import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchJOSE

/// The IdP rotates its signing key while clients are mid-flow (RFC 7517 §5 key rollover).
@Suite("IdP key rotation")
struct KeyRotationTests {
    @Test("an ID-JAG signed before a rotation still redeems after it, and later exchanges are signed with the new key and verify")
    func rotationMidFlow() async throws {
        try await DevFixture.run { fixture in
            let provider = fixture.environment.identityProvider
            let alice = try await fixture.signIn("alice")
            _ = try await fixture.client.redeem(try await fixture.client.requestIDJAG(alice, for: .docs), for: .docs)
            let connection = try await alice.connect(to: .notes)
            let pending = try await fixture.client.requestIDJAG(alice, for: .issues)
            let old = try await provider.keyRing.activeKey(now: fixture.clock.now).keyID
            let new = try await provider.rotateSigningKey().keyID
            #expect(old != new)

            _ = try await fixture.client.redeem(pending, for: .issues)
            _ = try await ToolCalls.call(connection, "list_notes")
            await connection.close()

            fixture.clock.advance(by: KeyRing.defaultActivationDelay + 1)
            let later = try await fixture.client.requestIDJAG(alice, for: .docs)
            _ = try await fixture.client.redeem(later, for: .docs)
            let latest = try #require(try await fixture.audit(AuditQuery(service: "as", event: "jwt_bearer", outcome: .success)).first)
            #expect(latest.details["kid"] == new.rawValue)
            let keys = try await provider.keyRing.jwks(now: fixture.clock.now).keys
            #expect(keys.count == 2, "the old key stays published for the tokens it signed")
        }
    }

    @Test("a rotation right after the authorization server fetched the JWKS causes no outage: the new key is published before it signs")
    func rotationInsideTheRefreshCoolDown() async throws {
        try await DevFixture.run { fixture in
            let provider = fixture.environment.identityProvider
            let alice = try await fixture.signIn("alice")
            _ = try await fixture.client.redeem(try await fixture.client.requestIDJAG(alice, for: .docs), for: .docs)
            let old = try await provider.keyRing.activeKey(now: fixture.clock.now).keyID
            let new = try await provider.rotateSigningKey().keyID
            // Inside the activation delay the old key still signs, so the AS's cached JWKS suffices.
            _ = try await fixture.client.redeem(try await fixture.client.requestIDJAG(alice, for: .docs), for: .docs)
            let during = try #require(try await fixture.audit(AuditQuery(service: "as", event: "jwt_bearer", outcome: .success)).first)
            #expect(during.details["kid"] == old.rawValue)
            // Once the new key signs, the AS has either fetched it already or may refresh for it.
            fixture.clock.advance(by: KeyRing.defaultActivationDelay)
            _ = try await fixture.client.redeem(try await fixture.client.requestIDJAG(alice, for: .docs), for: .docs)
            let after = try #require(try await fixture.audit(AuditQuery(service: "as", event: "jwt_bearer", outcome: .success)).first)
            #expect(after.details["kid"] == new.rawValue)
        }
    }
}

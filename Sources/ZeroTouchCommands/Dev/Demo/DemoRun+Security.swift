import Foundation
import ZeroTouchClient
import ZeroTouchCore
import MCP
import ZeroTouchIdP
import ZeroTouchJOSE

extension DemoRun {
    /// An ID-JAG is single-use at the authorization server (EMA-S §7.4.2): the second redemption fails.
    func replayScene(_ alice: DevSession) async throws(DemoFailure) {
        try await narrator.step("An ID-JAG presented a second time is refused (invalid_grant)") {
            let idJAG = try await client.requestIDJAG(alice, for: .docs, scope: ["docs.read"])
            _ = try await client.redeem(idJAG, for: .docs)
            do {
                _ = try await client.redeem(idJAG, for: .docs)
                throw DemoExpectation("the authorization server accepted the same ID-JAG twice")
            } catch let error as ZeroTouchClientError where error.oauthError?.error == OAuthErrorCode.invalidGrant.rawValue {
                return ["first redemption: an access token for docs; second: invalid_grant (\(error.oauthError?.errorDescription ?? ""))"]
            }
        }
    }

    /// The trail of alice's note: the IdP's grant, the redemption, the gateway's tool call, joined on `jti`s.
    func auditScene(_ alice: DevSession) async throws(DemoFailure) {
        try await narrator.step("The audit trail of alice's note, joined from the IdP's grant to the tool call") {
            guard let trail = try await DevAuditTrail.ofLatestToolCall(on: topology.notesResource, in: environment.auditLog) else {
                throw DemoExpectation("no joined trail for the note")
            }
            guard trail.exchange.subject == alice.credentials.identity.subject.rawValue,
                trail.toolCalls.contains(where: { $0.details["tool"] == DemoTools.addNote })
            else { throw DemoExpectation("the trail does not lead from alice's grant to add_note") }
            return trail.lines + ["joined on the ID-JAG jti (IdP -> authorization server) and the access token jti (-> gateway)"]
        }
    }

    /// The IdP rotates its key; the next exchange is signed with the new key and verifies at the
    /// authorization server, while alice's ID token, signed with the old key, is still accepted.
    func rotationScene(_ alice: DevSession) async throws(DemoFailure) {
        let provider = environment.identityProvider
        let clock = environment.clock
        let (old, new) = try await narrator.step("The IdP rotates its signing key; the old key stays published for tokens it signed") {
            let old = try await provider.keyRing.activeKey(now: clock.now).keyID
            let new = try await provider.rotateSigningKey().keyID
            let published = try await provider.keyRing.jwks(now: clock.now).keys.count
            guard old != new, published >= 2 else { throw DemoExpectation("rotation published \(published) keys") }
            let stillSigning = try await provider.keyRing.activeKey(now: clock.now).keyID
            guard stillSigning == old else { throw DemoExpectation("the new key signed before its activation delay") }
            clock.advance(by: KeyRing.defaultActivationDelay + 1)
            return (
                (old, new),
                [
                    "kid \(DevAuditTrail.short(old.rawValue)) -> kid \(DevAuditTrail.short(new.rawValue)); the JWKS now publishes \(published) keys",
                    "the new key is published now and signs \(Int(KeyRing.defaultActivationDelay)) s later, so every authorization server sees it before it meets a token signed with it",
                    "the demo clock moves \(Int(KeyRing.defaultActivationDelay) + 1) s ahead",
                ]
            )
        }
        try await narrator.step("New exchanges are signed with the new key and still verify at the authorization server") {
            alice.forgetAccessTokens()
            let connection = try await alice.connect(to: .docs)
            let found = DemoTools.pageTitles(try await DemoTools.call(connection, DemoTools.searchDocs, ["query": "launch"]))
            await connection.close()
            let latest = try await environment.auditLog.query(AuditQuery(service: "as", event: "jwt_bearer", limit: 1)).records.first
            guard latest?.outcome == .success, latest?.details["kid"] == new.rawValue else {
                throw DemoExpectation("the last redemption was not verified with the new key (kid \(latest?.details["kid"] ?? "none"))")
            }
            return [
                "alice's ID token, signed with kid \(DevAuditTrail.short(old.rawValue)) before the rotation, was still accepted by the IdP",
                "the new ID-JAG carries kid \(DevAuditTrail.short(new.rawValue)); the authorization server fetched the new JWKS and redeemed it",
                "docs server: 'launch' found \(found.map { "\"\($0)\"" }.joined(separator: ", "))",
            ]
        }
    }
}

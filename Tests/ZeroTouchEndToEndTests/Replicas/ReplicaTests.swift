import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchJOSE

/// Issue 8 item 5: two IdP replicas and two authorization-server replicas on one PostgreSQL database.
/// Runs when `ZEROTOUCH_POSTGRES_URL` names a server, as `.ci/run` always arranges.
@Suite("Replicas on one PostgreSQL database", .enabled(if: ReplicaDatabase.isAvailable))
struct ReplicaTests {
    @Test("a sign-in started on replica A finishes on B; codes, sessions and refresh families are shared, reuse revokes everywhere")
    func signInAcrossReplicas() async throws {
        try await ReplicaWorld.run { world in
            let (a, b) = (world.identityProviders[0], world.identityProviders[1])
            let pkce = ReplicaHTTP.pkce()
            let authorize = "/authorize?" + URLEncodedForm([
                "client_id": "cli", "redirect_uri": ReplicaWorld.redirectURI, "response_type": "code", "scope": "openid offline_access",
                "state": "s1", "code_challenge": pkce.challenge, "code_challenge_method": "S256",
            ]).encoded
            // The form comes from A, the credentials go to B: the pending sign-in is in the database.
            let page = try await ReplicaHTTP.get(a + authorize)
            #expect(page.status == 200)
            let fields = [
                "request_id": try #require(ReplicaHTTP.hiddenField("request_id", in: page.body)),
                "csrf_token": try #require(ReplicaHTTP.hiddenField("csrf_token", in: page.body)),
                "username": "alice", "password": ReplicaWorld.password,
            ]
            let login = try await ReplicaHTTP.postForm(b + "/login", fields, cookies: page.cookies)
            #expect(login.status == 303)
            let code = try #require(login.locationQuery["code"])
            // B's code is redeemed at A, once.
            let codeForm = ["grant_type": "authorization_code", "code": code, "redirect_uri": ReplicaWorld.redirectURI, "code_verifier": pkce.verifier]
            let secret = ("cli", ReplicaWorld.idpClientSecret)
            let tokens = try await ReplicaHTTP.postForm(a + "/token", codeForm, basic: secret)
            #expect(tokens.status == 200)
            let replayedCode = try await ReplicaHTTP.postForm(b + "/token", codeForm, basic: secret)
            #expect(replayedCode.string("error") == "invalid_grant")
            // The session B created answers A's next /authorize without a password (single sign-on).
            var sessionCookies = page.cookies
            sessionCookies.merge(login.cookies) { $1 }
            let silent = try await ReplicaHTTP.get(a + authorize, cookies: sessionCookies)
            #expect([302, 303].contains(silent.status))
            #expect(silent.locationQuery["code"] != nil)
            // The replayed code revoked the family of A's tokens (RFC 6749 §4.1.2), on every replica.
            let refresh = try #require(tokens.string("refresh_token"))
            let afterReplay = try await ReplicaHTTP.postForm(b + "/token", ["grant_type": "refresh_token", "refresh_token": refresh], basic: secret)
            #expect(afterReplay.string("error") == "invalid_grant")
        }
    }

    @Test("refresh rotates on B; the spent token presented to A revokes the family on both")
    func refreshFamiliesAreShared() async throws {
        try await ReplicaWorld.run { world in
            let (a, b) = (world.identityProviders[0], world.identityProviders[1])
            let secret = ("cli", ReplicaWorld.idpClientSecret)
            let first = try await signIn(world, at: a)
            let rotated = try await ReplicaHTTP.postForm(b + "/token", ["grant_type": "refresh_token", "refresh_token": first], basic: secret)
            #expect(rotated.status == 200)
            let second = try #require(rotated.string("refresh_token"))
            let reuse = try await ReplicaHTTP.postForm(a + "/token", ["grant_type": "refresh_token", "refresh_token": first], basic: secret)
            #expect(reuse.string("error") == "invalid_grant")
            let successor = try await ReplicaHTTP.postForm(b + "/token", ["grant_type": "refresh_token", "refresh_token": second], basic: secret)
            #expect(successor.string("error") == "invalid_grant")
        }
    }

    @Test("six concurrent presentations of one ID-JAG over both AS replicas yield exactly one token; audit has both replicas' records")
    func oneIDJAGRedeemsOnce() async throws {
        try await ReplicaWorld.run { world in
            let idToken = try await idToken(world)
            let fromA = try await exchange(world, idToken: idToken, at: world.identityProviders[0])
            let fromB = try await exchange(world, idToken: idToken, at: world.identityProviders[1])
            let (assertionA, assertionB) = (try #require(fromA.string("access_token")), try #require(fromB.string("access_token")))
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for attempt in 0..<6 {
                    let server = world.authorizationServers[attempt % 2]
                    group.addTask { try await redeem(world, assertion: assertionA, at: server).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 400 }.count == 5)
            let redeemedB = try await redeem(world, assertion: assertionB, at: world.authorizationServers[1])
            #expect(redeemedB.status == 200)

            // Unverified reads: the test follows the audit trail, it does not trust the token.
            let jtiA = try #require(try UnverifiedJWT(compact: assertionA).unverifiedClaims.jwtID?.rawValue)
            let jtiB = try #require(try UnverifiedJWT(compact: assertionB).unverifiedClaims.jwtID?.rawValue)
            for jti in [jtiA, jtiB] {
                let trail = try await world.auditLog.query(AuditQuery(trail: jti)).records
                #expect(trail.contains { $0.service == "idp" && $0.event == "token_exchange" && $0.outcome == .success })
                #expect(trail.contains { $0.service == "as" && $0.event == "jwt_bearer" && $0.outcome == .success })
            }
            let replays = try await world.auditLog.query(AuditQuery(service: "as", event: "jwt_bearer", outcome: .failure)).records
            #expect(replays.filter { $0.correlationID == jtiA && $0.reason == "replayed" }.count == 5)
        }
    }

    @Test("a policy change made through replica A is enforced by replica B within one second")
    func policyChangeReachesReplicaB() async throws {
        try await ReplicaWorld.run { world in
            let idToken = try await idToken(world)
            let b = world.identityProviders[1]
            let before = try await exchange(world, idToken: idToken, at: b)
            #expect(before.status == 200)
            _ = try await world.registryA.createRule(
                PolicyRule(
                    id: "no-notes-for-alice", name: "notes withdrawn", effect: .deny, subjects: .everyone, servers: [MCPServerID("notes")],
                    createdAt: Date()),
                by: ReplicaWorld.actor)
            let changed = ContinuousClock.now
            var denied = false
            while !denied, ContinuousClock.now - changed < .seconds(5) {
                denied = try await exchange(world, idToken: idToken, at: b).string("error") == "access_denied"
                if !denied { try await Task.sleep(for: .milliseconds(20)) }
            }
            let elapsed = ContinuousClock.now - changed
            #expect(denied)
            #expect(elapsed < .seconds(1), "replica B enforced the change after \(elapsed)")
        }
    }

    @Test("a key rotated through replica A is published by replica B within one second")
    func keyRotationReachesReplicaB() async throws {
        try await ReplicaWorld.run { world in
            let b = world.identityProviders[1]
            let before = try await ReplicaHTTP.get(b + "/jwks")
            let rotated = try await world.providerA.keyRing.rotate(now: Date(), retiringFor: 3600, activationDelay: 60)
            let kid = rotated.keyID.rawValue
            #expect(!before.body.contains(kid))
            let changed = ContinuousClock.now
            var published = false
            while !published, ContinuousClock.now - changed < .seconds(5) {
                published = try await ReplicaHTTP.get(b + "/jwks").body.contains(kid)
                if !published { try await Task.sleep(for: .milliseconds(20)) }
            }
            let elapsed = ContinuousClock.now - changed
            #expect(published)
            #expect(elapsed < .seconds(1), "replica B published the new key after \(elapsed)")
        }
    }

    @Test("six concurrent refreshes of one token over both IdP replicas: at most one rotation, and the reuse revokes the family")
    func concurrentRefreshesRotateOnce() async throws {
        try await ReplicaWorld.run { world in
            let refresh = try await signIn(world, at: world.identityProviders[0])
            let secret = ("cli", ReplicaWorld.idpClientSecret)
            let replies = try await withThrowingTaskGroup(of: ReplicaReply.self) { group in
                for attempt in 0..<6 {
                    let idp = world.identityProviders[attempt % 2]
                    group.addTask { try await ReplicaHTTP.postForm(idp + "/token", ["grant_type": "refresh_token", "refresh_token": refresh], basic: secret) }
                }
                return try await group.reduce(into: [ReplicaReply]()) { $0.append($1) }
            }
            // The database lets exactly one presentation spend the token; every other one is a reuse that
            // revokes the family. The one that spent it gets a successor only if no reuse revoked the
            // family first; either way, nothing of the family works afterwards.
            let rotated = replies.filter { $0.status == 200 }
            #expect(rotated.count <= 1)
            #expect(replies.filter { $0.string("error") == "invalid_grant" }.count == 6 - rotated.count)
            for successor in rotated.compactMap({ $0.string("refresh_token") }) {
                let afterReuse = try await ReplicaHTTP.postForm(
                    world.identityProviders[1] + "/token", ["grant_type": "refresh_token", "refresh_token": successor], basic: secret)
                #expect(afterReuse.string("error") == "invalid_grant")
            }
            let again = try await ReplicaHTTP.postForm(
                world.identityProviders[0] + "/token", ["grant_type": "refresh_token", "refresh_token": refresh], basic: secret)
            #expect(again.string("error") == "invalid_grant")

        }
    }

    @Test("trust withdrawn through AS replica A is enforced by AS replica B within one second")
    func trustChangeReachesASReplicaB() async throws {
        try await ReplicaWorld.run { world in
            let idToken = try await idToken(world)
            let asB = world.authorizationServers[1]
            let first = try #require(try await exchange(world, idToken: idToken, at: world.identityProviders[0]).string("access_token"))
            #expect(try await redeem(world, assertion: first, at: asB).status == 200)
            try await world.asRegistryA.removeTrustedIssuer(world.idpIssuer, actor: ReplicaWorld.actor)
            let changed = ContinuousClock.now
            var refused = false
            while !refused, ContinuousClock.now - changed < .seconds(5) {
                let assertion = try #require(try await exchange(world, idToken: idToken, at: world.identityProviders[0]).string("access_token"))
                refused = try await redeem(world, assertion: assertion, at: asB).string("error") == "invalid_grant"
                if !refused { try await Task.sleep(for: .milliseconds(20)) }
            }
            let elapsed = ContinuousClock.now - changed
            #expect(refused)
            #expect(elapsed < .seconds(1), "AS replica B enforced the change after \(elapsed)")
        }
    }

    // MARK: - Steps

    /// Signs alice in at `idp` and returns the refresh token.
    private func signIn(_ world: ReplicaWorld, at idp: String) async throws -> String {
        let tokens = try await codeFlow(world, at: idp)
        return try #require(tokens.string("refresh_token"))
    }

    private func idToken(_ world: ReplicaWorld) async throws -> String {
        try #require(try await codeFlow(world, at: world.identityProviders[0]).string("id_token"))
    }

    private func codeFlow(_ world: ReplicaWorld, at idp: String) async throws -> ReplicaReply {
        let pkce = ReplicaHTTP.pkce()
        let authorize = idp + "/authorize?" + URLEncodedForm([
            "client_id": "cli", "redirect_uri": ReplicaWorld.redirectURI, "response_type": "code", "scope": "openid offline_access",
            "code_challenge": pkce.challenge, "code_challenge_method": "S256",
        ]).encoded
        let page = try await ReplicaHTTP.get(authorize)
        let login = try await ReplicaHTTP.postForm(
            idp + "/login",
            [
                "request_id": try #require(ReplicaHTTP.hiddenField("request_id", in: page.body)),
                "csrf_token": try #require(ReplicaHTTP.hiddenField("csrf_token", in: page.body)),
                "username": "alice", "password": ReplicaWorld.password,
            ], cookies: page.cookies)
        let code = try #require(login.locationQuery["code"])
        let tokens = try await ReplicaHTTP.postForm(
            idp + "/token",
            ["grant_type": "authorization_code", "code": code, "redirect_uri": ReplicaWorld.redirectURI, "code_verifier": pkce.verifier],
            basic: ("cli", ReplicaWorld.idpClientSecret))
        try #require(tokens.status == 200, "token endpoint: \(tokens.body)")
        return tokens
    }

    private func exchange(_ world: ReplicaWorld, idToken: String, at idp: String) async throws -> ReplicaReply {
        try await ReplicaHTTP.postForm(
            idp + "/token",
            [
                "grant_type": GrantType.tokenExchange.rawValue, "requested_token_type": TokenType.idJAG.rawValue,
                "subject_token": idToken, "subject_token_type": TokenType.idToken.rawValue,
                "audience": world.asIssuer.rawValue, "resource": ReplicaWorld.resource.rawValue, "scope": "notes.read",
            ], basic: ("cli", ReplicaWorld.idpClientSecret))
    }

    private func redeem(_ world: ReplicaWorld, assertion: String, at server: String) async throws -> ReplicaReply {
        try await ReplicaHTTP.postForm(
            server + "/token",
            ["grant_type": GrantType.jwtBearer.rawValue, "assertion": assertion, "resource": ReplicaWorld.resource.rawValue],
            basic: ("cli", ReplicaWorld.asClientSecret))
    }
}

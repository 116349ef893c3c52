import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Authorization codes, PKCE and refresh-token rotation")
struct CodeAndRefreshTests {
    func code(_ fixture: IdPFixture) async throws -> String {
        try IdPFixture.require(IdPFixture.parameter("code", in: try await fixture.signIn().location))
    }

    @Test("a code redeems once for an ES256 ID token with iss, sub, aud, exp, iat, auth_time, nonce and amr", arguments: RuntimeStores.allCases)
    func redeem(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let tokens = try await fixture.provider.tokens.redeemCode(fixture.codeForm(try await code(fixture)), for: IdPFixture.authenticated("cli"))
        #expect(tokens.tokenType == "Bearer" && tokens.scope == "email openid profile")
        let keys = try await fixture.provider.keyRing.verificationKeys(now: fixture.clock.now)
        let verified = try await JWTVerifier(expectedType: .exactly("JWT"), allowedAlgorithms: [.es256], keys: keys).verify(tokens.idToken)
        let claims = try IDTokenClaims(verified: verified.claims)
        #expect(claims.issuer == IdPFixture.issuer && claims.subject == fixture.alice.id && claims.audience == "cli")
        #expect(claims.nonce == "n-1" && claims.methods == ["pwd"] && claims.authTime == fixture.clock.now)
        #expect(claims.expiresAt == fixture.clock.now.addingTimeInterval(3600))
    }

    @Test("a wrong code_verifier is invalid_grant", arguments: RuntimeStores.allCases)
    func wrongVerifier(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let form = fixture.codeForm(try await code(fixture), verifier: String(repeating: "a", count: 43))
        await #expect(throws: TokenGrantRejection.pkceVerificationFailed) {
            _ = try await fixture.provider.tokens.redeemCode(form, for: IdPFixture.authenticated("cli"))
        }
        #expect(TokenGrantRejection.pkceVerificationFailed.oauthError.code == .invalidGrant)
        #expect(fixture.auditLog.all.last?.reason == "pkce_failed")
    }

    @Test("a redirect_uri different from the authorization request's is invalid_grant", arguments: RuntimeStores.allCases)
    func wrongRedirect(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        await #expect(throws: TokenGrantRejection.redirectURIMismatch) {
            _ = try await fixture.provider.tokens.redeemCode(
                fixture.codeForm(try await code(fixture), redirectURI: "https://cli.example.com/other"), for: IdPFixture.authenticated("cli"))
        }
    }

    @Test("a code presented by another client is invalid_grant", arguments: RuntimeStores.allCases)
    func otherClient(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        await #expect(throws: TokenGrantRejection.codeClientMismatch("cli")) {
            _ = try await fixture.provider.tokens.redeemCode(fixture.codeForm(try await code(fixture)), for: IdPFixture.authenticated("web"))
        }
    }

    @Test("a reused code is invalid_grant and revokes the tokens issued for it", arguments: RuntimeStores.allCases)
    func reusedCode(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let code = try await code(fixture)
        let tokens = try await fixture.provider.tokens.redeemCode(fixture.codeForm(code), for: IdPFixture.authenticated("cli"))
        await #expect(throws: TokenGrantRejection.self) {
            _ = try await fixture.provider.tokens.redeemCode(fixture.codeForm(code), for: IdPFixture.authenticated("cli"))
        }
        await #expect(throws: BearerRejection.invalidToken) { _ = try await fixture.provider.access.userInfo("Bearer \(tokens.accessToken)") }
        let refresh = URLEncodedForm(["grant_type": "refresh_token", "refresh_token": tokens.refreshToken])
        do {
            _ = try await fixture.provider.tokens.refresh(refresh, for: IdPFixture.authenticated("cli"))
            Issue.record("refresh succeeded")
        } catch let rejection as TokenGrantRejection {
            #expect(rejection.reasonCode == "refresh_token_revoked")
        }
    }

    @Test("an expired code is invalid_grant", arguments: RuntimeStores.allCases)
    func expiredCode(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let code = try await code(fixture)
        fixture.clock.advance(by: 61)
        await #expect(throws: TokenGrantRejection.expiredCode) {
            _ = try await fixture.provider.tokens.redeemCode(fixture.codeForm(code), for: IdPFixture.authenticated("cli"))
        }
    }

    @Test("refresh rotates the token; reusing a spent one revokes the whole family, successors and access tokens included", arguments: RuntimeStores.allCases)
    func refreshReuse(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let first = try await fixture.tokensForAlice()
        let client = IdPFixture.authenticated("cli")
        let second = try await fixture.provider.tokens.refresh(
            URLEncodedForm(["grant_type": "refresh_token", "refresh_token": first.refreshToken, "scope": "openid"]), for: client)
        #expect(second.refreshToken != first.refreshToken && second.scope == "openid")
        #expect(try await fixture.provider.access.userInfo("Bearer \(second.accessToken)").subject == fixture.alice.id)

        do {
            _ = try await fixture.provider.tokens.refresh(URLEncodedForm(["grant_type": "refresh_token", "refresh_token": first.refreshToken]), for: client)
            Issue.record("reuse accepted")
        } catch let rejection as TokenGrantRejection {
            #expect(rejection.reasonCode == "refresh_token_reused")
            #expect(rejection.oauthError.code == .invalidGrant)
        }
        await #expect(throws: TokenGrantRejection.self) {
            _ = try await fixture.provider.tokens.refresh(URLEncodedForm(["grant_type": "refresh_token", "refresh_token": second.refreshToken]), for: client)
        }
        await #expect(throws: BearerRejection.invalidToken) { _ = try await fixture.provider.access.userInfo("Bearer \(second.accessToken)") }
        let refreshRecords = fixture.auditLog.all.filter { $0.event == "token.refresh" }
        #expect(refreshRecords.map(\.outcome) == [.success, .failure, .failure])
        #expect(refreshRecords[1].reason == "refresh_token_reused")
    }

    @Test("a refresh may not widen the scope, and fails for a suspended user", arguments: RuntimeStores.allCases)
    func refreshLimits(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let tokens = try await fixture.tokensForAlice()
        let client = IdPFixture.authenticated("cli")
        await #expect(throws: TokenGrantRejection.scopeNotGranted) {
            _ = try await fixture.provider.tokens.refresh(
                URLEncodedForm(["grant_type": "refresh_token", "refresh_token": tokens.refreshToken, "scope": "openid offline_access"]), for: client)
        }
        let other = try await fixture.tokensForAlice()
        try await fixture.registry.suspendUser(fixture.alice.id, by: IdPFixture.admin)
        await #expect(throws: TokenGrantRejection.userInactive(fixture.alice.id)) {
            _ = try await fixture.provider.tokens.refresh(URLEncodedForm(["grant_type": "refresh_token", "refresh_token": other.refreshToken]), for: client)
        }
    }

    @Test("revocation of a refresh token revokes its family; other clients' tokens are left alone", arguments: RuntimeStores.allCases)
    func revocation(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let tokens = try await fixture.tokensForAlice()
        try await fixture.provider.access.revoke(tokens.refreshToken, hint: nil, by: IdPFixture.authenticated("web"))
        #expect(try await fixture.provider.access.userInfo("Bearer \(tokens.accessToken)").subject == fixture.alice.id)
        try await fixture.provider.access.revoke(tokens.refreshToken, hint: "refresh_token", by: IdPFixture.authenticated("cli"))
        await #expect(throws: BearerRejection.invalidToken) { _ = try await fixture.provider.access.userInfo("Bearer \(tokens.accessToken)") }
    }

    @Test("/mcp/servers lists what policy allows the user through the client, with the allowed scopes", arguments: RuntimeStores.allCases)
    func availableServers(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let tokens = try await fixture.tokensForAlice()
        let list = try await fixture.provider.access.availableServers("bearer \(tokens.accessToken)")
        #expect(list.servers.map(\.name) == ["Calendar", "Files"])
        #expect(list.servers.map(\.scopes) == [["read"], ["read", "write"]])
        #expect(list.servers[1].authorizationServer == fixture.files.authorizationServer)
        await #expect(throws: BearerRejection.missingToken) { _ = try await fixture.provider.access.availableServers(nil) }
        await #expect(throws: BearerRejection.malformedAuthorization) { _ = try await fixture.provider.access.availableServers("Basic abc") }
    }
}

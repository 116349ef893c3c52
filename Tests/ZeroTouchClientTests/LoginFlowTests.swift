import Foundation
import Testing
import ZeroTouchClient
import ZeroTouchCore

/// Single sign-on with the authorization code flow, PKCE, `state` and `nonce`, and the session file.
@Suite("Single sign-on")
struct LoginFlowTests {
    @Test("logs in through the loopback redirect and stores the session with 0600 permissions")
    func logsIn() async throws {
        try await LoginFixture.run { fixture in
            let credentials = try await fixture.signOn.logIn(present: LoginFixture.browser)
            #expect(credentials.identity.subject == "u-1001")
            #expect(credentials.identity.email == "ada@example.com")
            #expect(credentials.refreshToken != nil)
            try fixture.store.save(credentials)
            #expect(try LoginFixture.permissions(fixture.store.fileURL) == 0o600)
            #expect(try LoginFixture.permissions(fixture.store.fileURL.deletingLastPathComponent()) == 0o700)
            #expect(try fixture.store.load()?.identity.subject == "u-1001")
            let query = try #require(fixture.provider.read(\.authorizeQueries).first)
            #expect(query["code_challenge_method"] == "S256")
            #expect(query["state"]?.count == 43 && query["nonce"]?.count == 43)
            #expect(query["redirect_uri"]?.hasPrefix("http://127.0.0.1:") == true)
            #expect(query["redirect_uri"]?.hasSuffix("/callback") == true)
            #expect(query["scope"]?.split(separator: " ").contains("openid") == true)
            #expect(fixture.provider.read(\.tokenRequests).first?["code_verifier"] != nil)
        }
    }

    @Test("refuses a redirect with the wrong state without redeeming its code")
    func wrongState() async throws {
        try await LoginFixture.run { fixture in
            fixture.provider.update { $0.options.stateOverride = "forged-state" }
            _ = await expectClientError(.stateMismatch) { _ = try await fixture.signOn.logIn(present: LoginFixture.browser) }
            #expect(fixture.provider.read(\.tokenRequests).isEmpty)
        }
    }

    @Test("refuses an ID token whose nonce is not this login's")
    func wrongNonce() async throws {
        try await LoginFixture.run { fixture in
            fixture.provider.update { $0.options.nonceOverride = "replayed-nonce" }
            _ = await expectClientError(.nonceMismatch) { _ = try await fixture.signOn.logIn(present: LoginFixture.browser) }
            let stored = try fixture.store.load()
            #expect(stored == nil)
        }
    }

    @Test("reports an error redirect from the IdP")
    func errorRedirect() async throws {
        try await LoginFixture.run { fixture in
            fixture.provider.update { $0.options.redirectError = "access_denied" }
            let error = await expectClientError(.loginFailed) { _ = try await fixture.signOn.logIn(present: LoginFixture.browser) }
            #expect(error?.oauthError?.error == "access_denied")
        }
    }

    @Test("renews an expiring ID token once with the refresh token, for concurrent callers")
    func renewsTheIDToken() async throws {
        try await LoginFixture.run { fixture in
            try fixture.store.save(try await fixture.signOn.logIn(present: LoginFixture.browser))
            let session = IdentitySession(store: fixture.store, signOn: fixture.signOn, clock: fixture.clock)
            let first = try await session.idToken()
            #expect(try await session.idToken() == first)
            fixture.clock.advance(by: 250)
            let renewed = try await withThrowingTaskGroup(of: SecretValue.self) { group in
                for _ in 0..<5 { group.addTask { try await session.idToken() } }
                return try await group.reduce(into: Set<SecretValue>()) { $0.insert($1) }
            }
            #expect(renewed.count == 1 && !renewed.contains(first))
            #expect(fixture.provider.read(\.tokenRequests).filter { $0["grant_type"] == "refresh_token" }.count == 1)
            #expect(try fixture.store.load()?.idToken == renewed.first)
            #expect(try LoginFixture.permissions(fixture.store.fileURL) == 0o600)
        }
    }

    @Test("asks the user to log in again when renewal fails")
    func renewalFails() async throws {
        try await LoginFixture.run { fixture in
            try fixture.store.save(try await fixture.signOn.logIn(present: LoginFixture.browser))
            fixture.provider.update { $0.options.refreshRevoked = true }
            fixture.clock.advance(by: 400)
            let session = IdentitySession(store: fixture.store, signOn: fixture.signOn, clock: fixture.clock)
            let error = await expectClientError(.loginRequired) { _ = try await session.idToken() }
            #expect(error?.nextStep?.contains("zerotouch login") == true)
        }
    }

    @Test("says so when nobody is logged in")
    func notLoggedIn() async throws {
        try await LoginFixture.run { fixture in
            let session = IdentitySession(store: fixture.store, signOn: fixture.signOn, clock: fixture.clock)
            _ = await expectClientError(.notLoggedIn) { _ = try await session.idToken() }
        }
    }

    @Test("refuses a credentials file that others can read")
    func unsafePermissions() async throws {
        try await LoginFixture.run { fixture in
            try fixture.store.save(try await fixture.signOn.logIn(present: LoginFixture.browser))
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: fixture.store.fileURL.path)
            let error = await expectClientError(.credentialStoreFailed) { _ = try fixture.store.load() }
            #expect(error?.reason.contains("chmod 600") == true)
        }
    }

    @Test("keeps the session under $XDG_CONFIG_HOME, else ~/.config")
    func standardLocation() {
        #expect(CredentialStore.standard(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"]).fileURL.path == "/x/cfg/zerotouch/credentials.json")
        #expect(CredentialStore.standard(environment: ["HOME": "/home/u"]).fileURL.path == "/home/u/.config/zerotouch/credentials.json")
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Sign-in, sessions and throttling")
struct SignInFlowTests {
    @Test("a correct password completes the sign-in: a code for the registered redirect with state and iss, a session, an audit record", arguments: RuntimeStores.allCases)
    func signIn(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let (location, session) = try await fixture.signIn()
        #expect(location.hasPrefix(IdPFixture.cliRedirect + "?code="))
        #expect(IdPFixture.parameter("state", in: location) == "st-1")
        #expect(IdPFixture.parameter("iss", in: location) == IdPFixture.issuer.rawValue)
        #expect(try await fixture.provider.signIn.session(for: session.value, now: fixture.clock.now)?.userID == fixture.alice.id)
        let record = try #require(fixture.auditLog.all.last)
        #expect(record.event == "login" && record.outcome == .success && record.subject == fixture.alice.id.rawValue)
        #expect(record.clientID == "cli" && record.details["amr"] == "pwd" && record.details["address"] == "192.0.2.1")
    }

    @Test("with a valid session, /authorize answers with a code at once; prompt=login and max_age ask again", arguments: RuntimeStores.allCases)
    func singleSignOn(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let (_, session) = try await fixture.signIn()
        let again = try await fixture.provider.signIn.authorize(try fixture.authorizationRequest(), sessionToken: session.value, browserSecret: nil)
        guard case .redirect(let location) = again else { Issue.record("expected a redirect"); return }
        #expect(IdPFixture.parameter("code", in: location) != nil)
        let forced = try await fixture.provider.signIn.authorize(
            try fixture.authorizationRequest(extra: ["prompt": "login"]), sessionToken: session.value, browserSecret: nil)
        guard case .signIn = forced else { Issue.record("prompt=login must show the form"); return }
        fixture.clock.advance(by: 120)
        let tooOld = try await fixture.provider.signIn.authorize(
            try fixture.authorizationRequest(extra: ["max_age": "60"]), sessionToken: session.value, browserSecret: nil)
        guard case .signIn = tooOld else { Issue.record("max_age must show the form"); return }
        await #expect(throws: AuthorizationRequestRejection.self) {
            _ = try await fixture.provider.signIn.authorize(
                try fixture.authorizationRequest(extra: ["prompt": "none"]), sessionToken: nil, browserSecret: nil)
        }
    }

    @Test("a user with a second factor signs in with password then TOTP; amr says pwd otp", arguments: RuntimeStores.allCases)
    func secondFactor(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let (pending, secret) = try await fixture.beginSignIn()
        let step = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "bob", password: IdPFixture.password)
        guard case .secondFactorRequired(let waiting) = step else { Issue.record("expected the code form"); return }
        await #expect(throws: SignInRejection.invalidSecondFactor(waiting, .invalidCode(fixture.bob.id))) {
            _ = try await fixture.provider.signIn.submitSecondFactor(fixture.submission(waiting, secret: secret), code: "000000" == fixture.bobCode() ? "111111" : "000000")
        }
        let done = try await fixture.provider.signIn.submitSecondFactor(fixture.submission(waiting, secret: secret), code: fixture.bobCode())
        guard case .completed(let location, _) = done else { Issue.record("expected completion"); return }
        let code = try IdPFixture.require(IdPFixture.parameter("code", in: location))
        let tokens = try await fixture.provider.tokens.redeemCode(fixture.codeForm(code), for: IdPFixture.authenticated("cli"))
        #expect(try UnverifiedJWT(compact: tokens.idToken).unverifiedClaims["amr"] == .array([.string("otp"), .string("pwd")]))
    }

    @Test("a wrong CSRF token, or a form from another browser, is refused without checking or recording anything", arguments: RuntimeStores.allCases)
    func csrf(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let (pending, secret) = try await fixture.beginSignIn()
        let before = fixture.auditLog.all.count
        await #expect(throws: SignInRejection.forgedSubmission) {
            _ = try await fixture.provider.signIn.submitPassword(
                fixture.submission(pending, secret: secret, csrf: OpaqueToken.generate().value), username: "alice", password: IdPFixture.password)
        }
        await #expect(throws: SignInRejection.forgedSubmission) {
            _ = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: nil), username: "alice", password: IdPFixture.password)
        }
        await #expect(throws: SignInRejection.forgedSubmission) {
            _ = try await fixture.provider.signIn.submitPassword(
                fixture.submission(pending, secret: OpaqueToken.generate().value), username: "alice", password: IdPFixture.password)
        }
        #expect(fixture.auditLog.all.count == before)
        // The genuine form still works.
        let step = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "alice", password: IdPFixture.password)
        guard case .completed = step else { Issue.record("expected completion"); return }
    }

    @Test("five wrong passwords lock the username, even for the right password, until the lockout passes", arguments: RuntimeStores.allCases)
    func throttlePerUser(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let (pending, secret) = try await fixture.beginSignIn()
        for attempt in 1...5 {
            await #expect(throws: SignInRejection.invalidCredentials(pending, .wrongPassword(fixture.alice.id))) {
                _ = try await fixture.provider.signIn.submitPassword(
                    fixture.submission(pending, secret: secret, address: "192.0.2.\(attempt)"), username: "ALICE", password: "wrong password \(attempt)")
            }
        }
        await #expect(throws: SignInRejection.throttled(pending, retryAfter: 300)) {
            _ = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "alice", password: IdPFixture.password)
        }
        #expect(fixture.auditLog.all.last?.reason == "throttled")
        fixture.clock.advance(by: 301)
        let step = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "alice", password: IdPFixture.password)
        guard case .completed = step else { Issue.record("expected completion after the lockout"); return }
        #expect(fixture.auditLog.all.filter { $0.event == "login" && $0.outcome == .failure }.map(\.reason) == Array(repeating: "wrong_password", count: 5))
    }

    @Test("many failures from one address lock that address for every username, not other addresses", arguments: RuntimeStores.allCases)
    func throttlePerAddress(runtime: RuntimeStores) async throws {
        var options = IdPOptions()
        options.addressThrottle = ThrottleRule(maximumFailures: 3, window: 900, lockout: 60)
        let fixture = try await IdPFixture.make(options: options, runtime: runtime)
        let (pending, secret) = try await fixture.beginSignIn()
        for name in ["nobody1", "nobody2", "nobody3"] {
            await #expect(throws: SignInRejection.invalidCredentials(pending, .unknownUser)) {
                _ = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: name, password: "whatever123")
            }
        }
        await #expect(throws: SignInRejection.throttled(pending, retryAfter: 60)) {
            _ = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "alice", password: IdPFixture.password)
        }
        let other = try await fixture.provider.signIn.submitPassword(
            fixture.submission(pending, secret: secret, address: "198.51.100.7"), username: "alice", password: IdPFixture.password)
        guard case .completed = other else { Issue.record("another address is not throttled"); return }
        let unknownRecords = fixture.auditLog.all.filter { $0.reason == "unknown_user" }
        #expect(unknownRecords.count == 3 && unknownRecords.allSatisfy { $0.subject == nil && !"\($0)".contains("nobody") })
    }

    @Test("a suspended user cannot sign in, and the page says so only after a correct password", arguments: RuntimeStores.allCases)
    func suspendedSignIn(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        try await fixture.registry.suspendUser(fixture.dave.id, by: IdPFixture.admin)
        let (pending, secret) = try await fixture.beginSignIn()
        await #expect(throws: SignInRejection.invalidCredentials(pending, .wrongPassword(fixture.dave.id))) {
            _ = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "dave", password: "not the password")
        }
        await #expect(throws: SignInRejection.invalidCredentials(pending, .suspended(fixture.dave.id))) {
            _ = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "dave", password: IdPFixture.password)
        }
    }

    @Test("an expired sign-in page is refused", arguments: RuntimeStores.allCases)
    func expiredPending(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let (pending, secret) = try await fixture.beginSignIn()
        fixture.clock.advance(by: 601)
        await #expect(throws: SignInRejection.expired) {
            _ = try await fixture.provider.signIn.submitPassword(fixture.submission(pending, secret: secret), username: "alice", password: IdPFixture.password)
        }
    }

    @Test("logout needs the session's CSRF token and ends the session", arguments: RuntimeStores.allCases)
    func logout(runtime: RuntimeStores) async throws {
        let fixture = try await IdPFixture.make(runtime: runtime)
        let (_, session) = try await fixture.signIn()
        await #expect(throws: SignInRejection.forgedSubmission) {
            try await fixture.provider.signIn.signOut(sessionToken: session.value, csrfToken: "forged")
        }
        let current = try #require(try await fixture.provider.signIn.session(for: session.value, now: fixture.clock.now))
        #expect(try await fixture.provider.signIn.signOut(sessionToken: session.value, csrfToken: current.csrfToken))
        #expect(try await fixture.provider.signIn.session(for: session.value, now: fixture.clock.now) == nil)
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Token exchange for an ID-JAG (RFC 8693, ID-JAG §4.3)")
struct TokenExchangeTests {
    /// Runs an exchange by `client` and returns its rejection, or fails the test on success.
    func rejection(_ fixture: IdPFixture, _ form: URLEncodedForm, client: AuthenticatedClient = IdPFixture.authenticated("cli")) async throws
        -> TokenExchangeError
    {
        do {
            _ = try await fixture.provider.exchange.exchange(form, for: client)
        } catch let error as TokenExchangeError {
            return error
        }
        Issue.record("the exchange was granted")
        throw CancellationError()
    }

    @Test("a valid exchange returns an ID-JAG with the mapped client_id, the resource, the granted scope and the sign-in")
    func grant() async throws {
        let fixture = try await IdPFixture.make()
        let subject = try await fixture.idToken(for: fixture.alice, age: 30)
        let response = try await fixture.provider.exchange.exchange(
            fixture.exchangeForm(subjectToken: subject, scope: "read"), for: IdPFixture.authenticated("cli"))
        #expect(response.issuedTokenType == TokenType.idJAG.rawValue)
        #expect(response.tokenType == "N_A")
        #expect(response.expiresIn == 300)
        #expect(response.scope == nil)

        let jwt = try UnverifiedJWT(compact: response.accessToken)
        #expect(jwt.header.type == "oauth-id-jag+jwt")
        #expect(jwt.header.algorithm == "ES256")
        #expect(jwt.header.keyID == (try await fixture.provider.keyRing.activeKey(now: fixture.clock.now)).keyID)
        let claims = jwt.unverifiedClaims
        #expect(try claims.issuer == IdPFixture.issuer)
        #expect(try claims.subject?.rawValue == fixture.alice.id.rawValue)
        #expect(try claims.audience == ["https://auth.files.example.com"])
        #expect(try claims.string("client_id") == "cli-at-files")
        #expect(try claims.string("resource") == "https://files.example.com/mcp")
        #expect(try claims.string("scope") == "read")
        #expect(try claims.jwtID != nil)
        #expect(try claims.expiration == fixture.clock.now.addingTimeInterval(300))
        #expect(try claims.numericDate("auth_time") == fixture.clock.now.addingTimeInterval(-30))
        #expect(claims["amr"] == .array([.string("pwd")]))
        #expect(claims["email"] == nil)

        let record = try #require(fixture.auditLog.all.last)
        #expect(record.event == "token_exchange" && record.outcome == .success)
        #expect(record.jti == (try claims.jwtID)?.rawValue)
        #expect(record.subject == fixture.alice.id.rawValue && record.resource == "https://files.example.com/mcp" && record.scope == "read")
        #expect(record.details["rules"] == "r-files")
        #expect(!String(describing: record).contains(response.accessToken) && !String(describing: record).contains(subject))
    }

    @Test("without a requested scope the ID-JAG carries everything policy allows, and the response says so")
    func narrowedScope() async throws {
        let fixture = try await IdPFixture.make()
        let response = try await fixture.provider.exchange.exchange(
            fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.alice)), for: IdPFixture.authenticated("cli"))
        #expect(response.scope == "read write")
        let narrowed = try await fixture.provider.exchange.exchange(
            fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.alice), scope: "read unknown"), for: IdPFixture.authenticated("cli"))
        #expect(narrowed.scope == "read")
    }

    @Test("email goes into the ID-JAG only when the catalog entry asks for it (decisions X-7)")
    func email() async throws {
        let fixture = try await IdPFixture.make(filesIncludesEmail: true)
        let response = try await fixture.provider.exchange.exchange(
            fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.alice)), for: IdPFixture.authenticated("cli"))
        #expect(try UnverifiedJWT(compact: response.accessToken).unverifiedClaims.string("email") == "alice@example.com")
    }

    @Test("without resource, the single catalog entry of the audience is used; a resource names its own audience")
    func targets() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.alice)
        let response = try await fixture.provider.exchange.exchange(
            fixture.exchangeForm(subjectToken: token, ["resource": nil]), for: IdPFixture.authenticated("cli"))
        #expect(try UnverifiedJWT(compact: response.accessToken).unverifiedClaims.string("resource") == "https://files.example.com/mcp")
    }

    @Test(
        "missing or unsupported parameters are invalid_request",
        arguments: [
            (["requested_token_type": nil], TokenExchangeRejection.missingParameter("requested_token_type")),
            (["requested_token_type": TokenType.accessToken.rawValue], .unsupportedRequestedTokenType(TokenType.accessToken.rawValue)),
            (["subject_token_type": TokenType.saml2.rawValue], .unsupportedSubjectTokenType(TokenType.saml2.rawValue)),
            (["subject_token": nil], .missingParameter("subject_token")),
            (["audience": nil], .missingParameter("audience")),
            (["audience": "not a uri"], .malformedTarget("audience")),
            (["actor_token": "x", "actor_token_type": TokenType.jwt.rawValue], .unsupportedParameter("actor_token")),
            (["authorization_details": "[]"], .unsupportedParameter("authorization_details")),
        ] as [([String: String?], TokenExchangeRejection)])
    func invalidRequest(changes: [String: String?], expected: TokenExchangeRejection) async throws {
        let fixture = try await IdPFixture.make()
        let error = try await rejection(fixture, fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.alice), changes))
        #expect(error.rejection == expected)
        #expect(error.oauthError.code == .invalidRequest)
        #expect(fixture.auditLog.all.last?.outcome == .failure)
    }

    @Test("a public client may not exchange tokens: invalid_client")
    func publicClient() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.alice, client: "native")
        let error = try await rejection(fixture, fixture.exchangeForm(subjectToken: token), client: IdPFixture.authenticated("native", method: .none))
        #expect(error.rejection == .clientAuthenticationRequired("native"))
        #expect(error.oauthError.code == .invalidClient)
        #expect(error.oauthError.statusCode == 401)
    }

    @Test("a token that is not a JWT, or not an ID token, is invalid_grant")
    func malformedSubjectToken() async throws {
        let fixture = try await IdPFixture.make()
        let garbage = try await rejection(fixture, fixture.exchangeForm(subjectToken: "not-a-jwt"))
        #expect(garbage.rejection == .invalidSubjectToken(.jose(.malformedCompactSerialization(parts: 1))))
        #expect(garbage.oauthError.code == .invalidGrant)

        let idJAG = try await fixture.provider.exchange.exchange(
            fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.alice)), for: IdPFixture.authenticated("cli")
        ).accessToken
        let replayed = try await rejection(fixture, fixture.exchangeForm(subjectToken: idJAG))
        #expect(replayed.rejection == .invalidSubjectToken(.jose(.typeMismatch(expected: "JWT", actual: "oauth-id-jag+jwt"))))
    }

    @Test("an expired ID token is invalid_grant, even after it was cached as verified")
    func expired() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.alice)
        _ = try await fixture.provider.exchange.exchange(fixture.exchangeForm(subjectToken: token), for: IdPFixture.authenticated("cli"))
        #expect(fixture.provider.exchange.verifier.cache.count == 1)
        fixture.clock.advance(by: 3600)
        let error = try await rejection(fixture, fixture.exchangeForm(subjectToken: token))
        #expect(error.rejection.errorCode == .invalidGrant)
        #expect(error.rejection.reasonCode == "subject_token_expired")
        #expect(error.oauthError.errorDescription == "subject_token has expired")
    }

    @Test("an ID token issued to another client is invalid_grant (checklist I-5)")
    func foreignAudience() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.alice, client: "web")
        let error = try await rejection(fixture, fixture.exchangeForm(subjectToken: token))
        #expect(error.rejection == .invalidSubjectToken(.audienceMismatch(actual: ["web"])))
        #expect(error.oauthError.code == .invalidGrant)
    }

    @Test("a token from another issuer, or with another iss, is invalid_grant")
    func otherIssuer() async throws {
        let fixture = try await IdPFixture.make()
        let now = fixture.clock.now
        let claims = IDTokenClaims(
            issuer: "https://evil.example.com", subject: fixture.alice.id, audience: "cli", expiresAt: now.addingTimeInterval(600), issuedAt: now,
            authTime: now, nonce: nil, methods: ["pwd"], jwtID: "j1")
        let foreign = try SigningKey.generate().sign(claims, type: "JWT")
        let foreignError = try await rejection(fixture, fixture.exchangeForm(subjectToken: foreign))
        guard case .invalidSubjectToken(.jose(.unknownKeyID)) = foreignError.rejection else {
            Issue.record("unexpected \(foreignError.rejection)")
            return
        }
        let ours = try await fixture.provider.keyRing.sign(claims, type: "JWT", now: now)
        let oursError = try await rejection(fixture, fixture.exchangeForm(subjectToken: ours))
        #expect(oursError.rejection == .invalidSubjectToken(.wrongIssuer("https://evil.example.com")))
        #expect(oursError.oauthError.code == .invalidGrant)
    }

    @Test("a suspended user's exchange fails at once with invalid_grant")
    func suspended() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.dave)
        _ = try await fixture.provider.exchange.exchange(fixture.exchangeForm(subjectToken: token), for: IdPFixture.authenticated("cli"))
        try await fixture.registry.suspendUser(fixture.dave.id, by: IdPFixture.admin)
        let error = try await rejection(fixture, fixture.exchangeForm(subjectToken: token))
        #expect(error.rejection == .invalidSubjectToken(.userSuspended(fixture.dave.id)))
        #expect(error.oauthError.code == .invalidGrant)
    }

    @Test("an unknown resource, or an audience that is not its authorization server, is invalid_target (checklist I-14)")
    func invalidTarget() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.alice)
        let unknown = try await rejection(fixture, fixture.exchangeForm(subjectToken: token, ["resource": "https://other.example.com/mcp"]))
        #expect(unknown.rejection == .unknownResource("https://other.example.com/mcp"))
        let mismatch = try await rejection(
            fixture, fixture.exchangeForm(subjectToken: token, ["audience": fixture.calendar.authorizationServer.rawValue]))
        #expect(mismatch.rejection == .audienceResourceMismatch(audience: fixture.calendar.authorizationServer, resource: fixture.files.resource))
        let noPair = try await rejection(fixture, fixture.exchangeForm(subjectToken: token, ["audience": "https://as.example.com", "resource": nil]))
        #expect(noPair.rejection == .unknownAudience("https://as.example.com"))
        for error in [unknown, mismatch, noPair] { #expect(error.oauthError.code == .invalidTarget) }
    }

    @Test("a malformed scope, or scopes policy never allows, are invalid_scope")
    func invalidScope() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.alice)
        let malformed = try await rejection(fixture, fixture.exchangeForm(subjectToken: token, scope: "read  write"))
        #expect(malformed.rejection == .malformedScope)
        #expect(malformed.oauthError.code == .invalidScope)
        let calendarToken = try await fixture.idToken(for: fixture.alice)
        let form = fixture.exchangeForm(
            subjectToken: calendarToken, scope: "write",
            ["audience": fixture.calendar.authorizationServer.rawValue, "resource": fixture.calendar.resource.rawValue])
        let notAllowed = try await rejection(fixture, form)
        #expect(notAllowed.rejection == .policy(.scopesNotAllowed(requested: ["write"])))
        #expect(notAllowed.oauthError.code == .invalidScope)
    }

    @Test("a policy denial is access_denied with a showable description and the audit reference of the denial")
    func accessDenied() async throws {
        let fixture = try await IdPFixture.make()
        let error = try await rejection(fixture, fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.carol)))
        #expect(error.rejection == .policy(.deniedByRules(["r-deny-carol"])))
        #expect(error.oauthError.code == .accessDenied)
        #expect(error.oauthError.statusCode == 400)
        #expect(error.oauthError.errorDescription == "blocked by your organization's policy")
        let record = try #require(fixture.auditLog.all.last)
        #expect(error.auditReference == record.id)
        #expect(error.oauthError.additionalFields["audit_reference"] == record.id)
        #expect(record.outcome == .denied && record.reason == "denied_by_rule" && record.details["rules"] == "r-deny-carol")
        #expect(record.subject == fixture.carol.id.rawValue)
    }

    @Test("a scope that needs a second factor asks for step-up: insufficient_user_authentication")
    func stepUp() async throws {
        let fixture = try await IdPFixture.make()
        let password = try await rejection(fixture, fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.bob), scope: "admin"))
        #expect(password.oauthError.code == .insufficientUserAuthentication)
        #expect(password.rejection.reasonCode == "step_up_required")
        let stepped = try await fixture.provider.exchange.exchange(
            fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.bob, methods: ["pwd", "otp"]), scope: "admin"),
            for: IdPFixture.authenticated("cli"))
        #expect(try UnverifiedJWT(compact: stepped.accessToken).unverifiedClaims.string("scope") == "admin")
    }

    @Test("a client not registered at the server's authorization server gets no ID-JAG for it")
    func unmappedClient() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.idToken(for: fixture.alice, client: "web")
        let form = fixture.exchangeForm(
            subjectToken: token, ["audience": fixture.calendar.authorizationServer.rawValue, "resource": fixture.calendar.resource.rawValue])
        let error = try await rejection(fixture, form, client: IdPFixture.authenticated("web", method: .clientSecretPost))
        #expect(error.rejection == .policy(.clientNotRegisteredAtServer("web", fixture.calendar.id)))
        #expect(error.oauthError.code == .invalidTarget)
    }

    @Test("an oversized scope is invalid_request before any policy or signing work, and its audit record stays small")
    func oversizedScope() async throws {
        let fixture = try await IdPFixture.make()
        let filler = (0..<1000).map { "x\($0)" }.joined(separator: " ")
        let form = fixture.exchangeForm(subjectToken: try await fixture.idToken(for: fixture.alice), scope: "read " + filler)
        let error = try await rejection(fixture, form)
        #expect(error.rejection == .parameterTooLong("scope"))
        #expect(error.oauthError.code == .invalidRequest)
        let record = try #require(fixture.auditLog.all.last)
        #expect(record.outcome == .failure && record.reason == "parameter_too_long")
        #expect((record.scope ?? "").utf8.count <= 4 * 1024)
    }
}

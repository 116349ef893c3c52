import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchResourceServer
import ZeroTouchTesting

@Suite("Verifying RFC 9068 access tokens")
struct JWTAccessTokenVerifierTests {
    let fixture: RSFixture

    init() throws { fixture = try RSFixture() }

    private func verify(_ token: String) async throws(AccessTokenRejection) -> VerifiedAccessToken {
        try await fixture.verifier.verify(BearerToken(b64token: token)!)
    }

    @Test("a valid token yields the user, client, scopes, jti and issuer")
    func valid() async throws {
        let identity = try await verify(try fixture.token(scope: "files.read files.write"))
        #expect(identity.subject == "alice")
        #expect(identity.clientID == "client-1")
        #expect(identity.scope == ["files.read", "files.write"])
        #expect(identity.issuer == RSFixture.issuer)
        #expect(identity.audience == RSFixture.resource)
        #expect(identity.jti != nil)
        #expect(identity.idJAGJTI != nil)
    }

    @Test("the same token is accepted again: access tokens are not single-use")
    func reusable() async throws {
        let token = try fixture.token()
        let first = try await verify(token)
        let second = try await verify(token)
        #expect(first == second)
    }

    @Test("an expired token is refused, but accepted within the 60 s leeway")
    func expiry() async throws {
        let token = try fixture.token(lifetime: 300)
        fixture.clock.advance(by: 330)
        _ = try await verify(token)
        fixture.clock.advance(by: 60)
        await #expect(throws: AccessTokenRejection.jose(.expired(exp: RSFixture.now.addingTimeInterval(300), now: RSFixture.now.addingTimeInterval(390)))) {
            try await verify(token)
        }
    }

    @Test("a token for another resource is refused")
    func wrongAudience() async throws {
        let token = try fixture.token { $0["aud"] = .string("https://other.example/mcp") }
        await #expect(throws: AccessTokenRejection.audienceMismatch(expected: RSFixture.resource, actual: ["https://other.example/mcp"])) {
            try await verify(token)
        }
    }

    @Test("an audience array must hold exactly this resource")
    func audienceArray() async throws {
        let single = try fixture.token { $0["aud"] = .array([.string(RSFixture.resource.rawValue)]) }
        _ = try await verify(single)
        let injected = try fixture.token { $0["aud"] = .array([.string(RSFixture.resource.rawValue), .string("https://evil.example")]) }
        await #expect(throws: AccessTokenRejection.self) { try await verify(injected) }
    }

    @Test("a token from another issuer is refused, even signed by a trusted key")
    func wrongIssuer() async throws {
        let token = try fixture.token { $0["iss"] = .string("https://evil.example") }
        await #expect(throws: AccessTokenRejection.untrustedIssuer(expected: RSFixture.issuer, actual: "https://evil.example")) {
            try await verify(token)
        }
    }

    @Test("an ID token or an ID-JAG presented as an access token is refused by typ", arguments: ["JWT", "oauth-id-jag+jwt", "application/oauth-id-jag+jwt"])
    func wrongType(type: String) async throws {
        let token = try fixture.token(type: type)
        await #expect(throws: AccessTokenRejection.jose(.typeMismatch(expected: "at+jwt", actual: type))) { try await verify(token) }
    }

    @Test("typ is compared case-insensitively with the application/ prefix (RFC 7515 §4.1.9)")
    func typeVariants() async throws {
        _ = try await verify(try fixture.token(type: "application/AT+JWT"))
    }

    @Test("a token signed by an unknown key is refused")
    func forged() async throws {
        let other = try AccessTokenFactory(issuer: RSFixture.issuer)
        let token = try other.makeAccessToken(resource: RSFixture.resource, issuedAt: RSFixture.now)
        await #expect(throws: AccessTokenRejection.self) { try await verify(token) }
    }

    @Test("alg none and HMAC are refused before any key is used")
    func algorithms() async throws {
        let valid = try fixture.token().split(separator: ".")
        let noneHeader = Base64URL.encode(Data(#"{"alg":"none","typ":"at+jwt"}"#.utf8))
        await #expect(throws: AccessTokenRejection.jose(.unsecuredToken)) { try await verify("\(noneHeader).\(valid[1]).c2ln") }
        let hmacHeader = Base64URL.encode(Data(#"{"alg":"HS256","typ":"at+jwt"}"#.utf8))
        await #expect(throws: AccessTokenRejection.jose(.symmetricAlgorithm("HS256"))) { try await verify("\(hmacHeader).\(valid[1]).c2ln") }
    }

    @Test("each RFC 9068 required claim is required", arguments: ["sub", "client_id", "jti", "iat"])
    func requiredClaims(name: String) async throws {
        let token = try fixture.token { $0[name] = nil }
        await #expect(throws: AccessTokenRejection.missingClaim(name: name)) { try await verify(token) }
    }

    @Test("a scope that breaks the RFC 6749 grammar is refused")
    func badScope() async throws {
        let token = try fixture.token { $0["scope"] = .string("a  b") }
        await #expect(throws: AccessTokenRejection.invalidClaim(name: "scope")) { try await verify(token) }
    }

    @Test("a token without scope has an empty scope")
    func noScope() async throws {
        #expect(try await verify(try fixture.token(scope: nil)).scope.isEmpty)
    }

    @Test("an unreachable key set is a verification outage, not a bad token")
    func keysUnavailable() {
        let rejection = AccessTokenRejection(JOSERejection.keySetUnavailable(issuer: RSFixture.issuer, reason: .redirected))
        guard case .verificationUnavailable = rejection else {
            Issue.record("expected verificationUnavailable")
            return
        }
        #expect(rejection.errorCode == .temporarilyUnavailable)
    }
}

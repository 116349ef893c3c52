import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchTesting

@Suite("Access tokens: minting, audit, introspection, revocation")
struct AccessTokenTests {
    let fixture: ASTestFixture
    init() async throws { fixture = try await ASTestFixture.make() }

    var introspector: AccessTokenIntrospector {
        AccessTokenIntrospector(issuer: ASTestFixture.issuer, keyRing: fixture.keyRing, registry: fixture.registry, clock: fixture.clock)
    }

    @Test("the access token is an RFC 9068 JWT bound to the resource, with correlation claims")
    func minted() async throws {
        var claims = fixture.validClaims()
        claims["jti"] = .string("idjag-jti-1")
        let issued = try await fixture.grant.redeem(try fixture.assertion(claims), for: fixture.client)
        let token = try UnverifiedJWT(compact: issued.accessToken)
        #expect(token.header.type == "at+jwt")
        #expect(token.header.algorithm == "ES256")
        let members = token.unverifiedClaims.members
        #expect(members["iss"] == .string(ASTestFixture.issuer.rawValue))
        #expect(members["sub"] == .string(ASTestFixture.localUser.rawValue))
        #expect(members["aud"] == .string(ASTestFixture.resource.rawValue))
        #expect(members["client_id"] == .string(ASTestFixture.clientID.rawValue))
        #expect(members["scope"] == .string("files:read"))
        #expect(members["idjag_iss"] == .string(ASTestFixture.idp.rawValue))
        #expect(members["idjag_jti"] == .string("idjag-jti-1"))
        #expect(members["exp"]?.doubleValue == members["iat"].flatMap(\.doubleValue).map { $0 + 300 })
        #expect(issued.expiresIn == 300)
        #expect(members["jti"]?.stringValue?.isEmpty == false)
    }

    @Test("a redemption is audited with identifiers and never the token or the assertion")
    func redemptionAudited() async throws {
        let assertion = try fixture.assertion()
        let issued = try await fixture.grant.redeem(assertion, for: fixture.client)
        let record = try #require(fixture.store.auditRecords.last)
        #expect(record.event == "jwt_bearer")
        #expect(record.outcome == .success)
        #expect(record.subject == ASTestFixture.localUser.rawValue)
        #expect(record.clientID == ASTestFixture.clientID.rawValue)
        #expect(record.resource == ASTestFixture.resource.rawValue)
        #expect(record.scope == "files:read")
        #expect(record.jti == issued.claims.jti.rawValue)
        #expect(record.correlationID == issued.claims.idJAGJTI.rawValue)
        #expect(record.details["idp_iss"] == ASTestFixture.idp.rawValue)
        #expect(record.details["idp_sub"] == ASTestFixture.idpSubject.rawValue)
        let dump = String(describing: record)
        #expect(!dump.contains(assertion) && !dump.contains(issued.accessToken))
    }

    @Test("a rejection is audited with its reason")
    func rejectionAudited() async throws {
        let assertion = try fixture.assertion()
        _ = try await fixture.grant.redeem(assertion, for: fixture.client)
        await #expect(throws: IDJAGRejection.self) { try await fixture.grant.redeem(assertion, for: fixture.client) }
        let record = try #require(fixture.store.auditRecords.last)
        #expect(record.outcome == .failure)
        #expect(record.reason == "replayed")
        #expect(record.details["error"] == "invalid_grant")
        #expect(record.details["idp_sub"] == ASTestFixture.idpSubject.rawValue)
        #expect(!String(describing: record).contains(assertion))
    }

    @Test("introspection reports an active token with its claims (RFC 7662 §2.2)")
    func introspectActive() async throws {
        let issued = try await fixture.grant.redeem(try fixture.assertion(), for: fixture.client)
        let result = try await introspector.introspect(issued.accessToken)
        #expect(result.active)
        #expect(result.subject == ASTestFixture.localUser.rawValue)
        #expect(result.clientID == ASTestFixture.clientID.rawValue)
        #expect(result.audience == ASTestFixture.resource.rawValue)
        #expect(result.scope == "files:read")
        #expect(result.issuer == ASTestFixture.issuer.rawValue)
        #expect(result.tokenType == "Bearer")
    }

    @Test("expired, revoked, foreign and garbage tokens and tokens of disabled accounts are inactive")
    func introspectInactive() async throws {
        let issued = try await fixture.grant.redeem(try fixture.assertion(), for: fixture.client)
        #expect(try await introspector.introspect("garbage") == .inactive)
        let foreign = try SigningKey.generate().sign(issued.claims, type: "at+jwt")
        #expect(try await introspector.introspect(foreign) == .inactive)

        try await fixture.registry.setUserDisabled(ASTestFixture.localUser, true, actor: "test")
        #expect(try await introspector.introspect(issued.accessToken) == .inactive)
        try await fixture.registry.setUserDisabled(ASTestFixture.localUser, false, actor: "test")
        try await fixture.registry.setClientDisabled(ASTestFixture.clientID, true, actor: "test")
        #expect(try await introspector.introspect(issued.accessToken) == .inactive)
        try await fixture.registry.setClientDisabled(ASTestFixture.clientID, false, actor: "test")
        #expect(try await introspector.introspect(issued.accessToken).active)

        try await introspector.revoke(issued.accessToken, by: fixture.client)
        #expect(try await introspector.introspect(issued.accessToken) == .inactive)
        #expect(fixture.store.auditRecords.last?.event == "token.revoke")

        let second = try await fixture.grant.redeem(try fixture.assertion(), for: fixture.client)
        fixture.clock.advance(by: 301)
        #expect(try await introspector.introspect(second.accessToken) == .inactive)
    }

    @Test("revocation of an invalid token succeeds; of another client's token is refused (RFC 7009 §2.1)")
    func revocationRules() async throws {
        try await introspector.revoke("garbage", by: fixture.client)
        let issued = try await fixture.grant.redeem(try fixture.assertion(), for: fixture.client)
        let other = AuthenticatedClient(clientID: "client-2", method: .clientSecretBasic)
        await #expect(throws: OAuthErrorResponse(.unauthorizedClient, description: "the token was not issued to this client")) {
            try await introspector.revoke(issued.accessToken, by: other)
        }
        #expect(try await introspector.introspect(issued.accessToken).active)
    }

    @Test("the token scope is the request scope narrowed to the ID-JAG's")
    func scopeNarrowed() async throws {
        var claims = fixture.validClaims()
        claims["scope"] = .string("files:read files:write")
        let issued = try await fixture.grant.redeem(try fixture.assertion(claims), for: fixture.client, scope: ["files:write"])
        #expect(issued.scope == ["files:write"])
        #expect(issued.claims.scope == "files:write")
    }
}

import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
@testable import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchTesting

/// `IDJAGVerifier` over signed assertions: the steps that need a signature, keys or the ledger.
@Suite("ID-JAG verifier")
struct IDJAGVerifierTests {
    let fixture: ASTestFixture
    init() async throws { fixture = try await ASTestFixture.make() }

    func rejection(_ assertion: String, scope: Scope? = nil, verifier: IDJAGVerifier? = nil) async -> IDJAGRejection? {
        do {
            _ = try await (verifier ?? fixture.verifier).verify(assertion, for: fixture.client, requestedScope: scope)
            return nil
        } catch let rejection as IDJAGRejection {
            return rejection
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("a valid ID-JAG verifies to the local user, resource and scope")
    func happyPath() async throws {
        var claims = fixture.validClaims()
        claims["jti"] = .string("jti-1")
        let verified = try await fixture.verifier.verify(try fixture.assertion(claims), for: fixture.client)
        #expect(verified.user.id == ASTestFixture.localUser)
        #expect(verified.resource.identifier == ASTestFixture.resource)
        #expect(verified.scope == ["files:read"])
        #expect(verified.jti == "jti-1")
        #expect(verified.issuer == ASTestFixture.idp)
        #expect(verified.keyID == ASTestFixture.idpKeyID)
        #expect(fixture.ledger.count == 1)
    }

    @Test("garbage, JWE and unsecured tokens are malformed", arguments: [
        ("not-a-jwt", JOSERejection.malformedCompactSerialization(parts: 1)),
        ("a.b.c.d.e", .encryptedToken),
        ("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.c2ln", .unsecuredToken),
        ("e30.e30.", .invalidHeaderMember(name: "alg")),
    ])
    func malformed(_ assertion: String, _ reason: JOSERejection) async {
        #expect(await rejection(assertion) == .malformed(reason))
    }

    @Test("an ID token or access token presented as a grant is refused by typ")
    func wrongType() async throws {
        let token = try fixture.idpKey.sign(fixture.validClaims(), type: "at+jwt")
        #expect(await rejection(token) == .wrongType("at+jwt"))
    }

    @Test("an HS256 token never meets a key")
    func hmacRefused() async throws {
        let header: [String: JSONValue] = ["alg": .string("HS256"), "typ": .string("oauth-id-jag+jwt"), "kid": .string("idp-es256-1")]
        let token = try ASTestFixture.compact(header: header, claims: fixture.validClaims(), key: nil)
        #expect(await rejection(token) == .algorithmNotAllowed(algorithm: "HS256", issuer: ASTestFixture.idp.rawValue))
        #expect(fixture.fetcher.fetchCount(ASTestFixture.idp) == 0)
    }

    @Test("an untrusted issuer is refused before any key is fetched")
    func untrustedIssuer() async throws {
        var claims = fixture.validClaims()
        claims["iss"] = .string("https://untrusted.example")
        let key = try SigningKey.generate(.es256, keyID: ASTestFixture.idpKeyID)
        fixture.fetcher.publish([key], for: "https://untrusted.example")
        #expect(await rejection(try fixture.assertion(claims, key: key)) == .untrustedIssuer("https://untrusted.example"))
        #expect(fixture.fetcher.fetchCount("https://untrusted.example") == 0)
    }

    @Test("a key the IdP does not publish is refused after one refresh, then the refresh cools down")
    func unpublishedKey() async throws {
        _ = try await fixture.verifier.verify(try fixture.assertion(), for: fixture.client)
        #expect(fixture.fetcher.fetchCount(ASTestFixture.idp) == 1)
        fixture.clock.advance(by: 31)
        let unpublished = try SigningKey.generate(.es256, keyID: "idp-unpublished-es256")
        #expect(await rejection(try fixture.assertion(key: unpublished)) == .unknownKey(issuer: ASTestFixture.idp, keyID: "idp-unpublished-es256"))
        #expect(fixture.fetcher.fetchCount(ASTestFixture.idp) == 2)
        #expect(await rejection(try fixture.assertion(key: unpublished)) == .unknownKey(issuer: ASTestFixture.idp, keyID: "idp-unpublished-es256"))
        #expect(fixture.fetcher.fetchCount(ASTestFixture.idp) == 2)
    }

    @Test("a rotated IdP key is found by one refresh on the kid miss")
    func keyRotation() async throws {
        _ = try await fixture.verifier.verify(try fixture.assertion(), for: fixture.client)
        let next = try SigningKey.generate(.es256, keyID: "idp-es256-2")
        fixture.fetcher.publish([next, fixture.idpKey], for: ASTestFixture.idp)
        fixture.clock.advance(by: 31)
        let verified = try await fixture.verifier.verify(try fixture.assertion(key: next), for: fixture.client)
        #expect(verified.keyID == "idp-es256-2")
        #expect(fixture.fetcher.fetchCount(ASTestFixture.idp) == 2)
    }

    @Test("a signature by another key under the IdP's kid is refused")
    func badSignature() async throws {
        let impostor = try SigningKey.generate(.es256, keyID: ASTestFixture.idpKeyID)
        #expect(await rejection(try fixture.assertion(key: impostor)) == .badSignature(issuer: ASTestFixture.idp, keyID: ASTestFixture.idpKeyID))
    }

    @Test("without kid, exactly one fitting key is required")
    func keyWithoutKid() async throws {
        let header: [String: JSONValue] = ["alg": .string("ES256"), "typ": .string("oauth-id-jag+jwt")]
        let token = try ASTestFixture.compact(header: header, claims: fixture.validClaims(), key: fixture.idpKey)
        _ = try await fixture.verifier.verify(token, for: fixture.client)
        fixture.fetcher.publish([fixture.idpKey, try SigningKey.generate(.es256, keyID: "second")], for: ASTestFixture.idp)
        let other = try await ASTestFixture.make()
        other.fetcher.publish([other.idpKey, try SigningKey.generate(.es256, keyID: "second")], for: ASTestFixture.idp)
        let ambiguous = try ASTestFixture.compact(header: header, claims: other.validClaims(), key: other.idpKey)
        #expect(await rejection(ambiguous, verifier: other.verifier) == .ambiguousKey(issuer: ASTestFixture.idp, candidates: 2))
    }

    @Test("a kid naming a key of another type is refused")
    func unsuitableKey() async throws {
        let edKey = try SigningKey.generate(.edDSA, keyID: "ed")
        let header: [String: JSONValue] = ["alg": .string("EdDSA"), "typ": .string("oauth-id-jag+jwt"), "kid": .string(ASTestFixture.idpKeyID.rawValue)]
        let token = try ASTestFixture.compact(header: header, claims: fixture.validClaims(), key: edKey)
        #expect(await rejection(token) == .unsuitableKey(issuer: ASTestFixture.idp, keyID: ASTestFixture.idpKeyID))
    }

    @Test("an IdP whose JWKS cannot be fetched fails closed")
    func keysUnavailable() async throws {
        fixture.fetcher.fail(ASTestFixture.idp, with: .bodyTooLarge(limit: 65536))
        #expect(await rejection(try fixture.assertion()) == .keysUnavailable(issuer: ASTestFixture.idp, reason: "body exceeds 65536 bytes"))
        #expect(fixture.ledger.count == 0)
    }

    @Test("a slow JWKS endpoint of one IdP does not block another IdP")
    func slowIssuerDoesNotBlockOthers() async throws {
        let slow: Issuer = "https://slow-idp.example"
        let gated = GatedJWKSFetcher(inner: fixture.fetcher, gating: slow)
        let cache = JWKSCache(fetcher: gated, clock: fixture.clock)
        let verifier = IDJAGVerifier(issuer: ASTestFixture.issuer, registry: fixture.registry, keys: cache, replayLedger: fixture.ledger, clock: fixture.clock)
        try await fixture.registry.putTrustedIssuer(TrustedIssuer(issuer: slow, jwksURI: "https://slow-idp.example/jwks"), actor: "test")
        var slowClaims = fixture.validClaims()
        slowClaims["iss"] = .string(slow.rawValue)
        let slowAssertion = try fixture.assertion(slowClaims)
        let client = fixture.client
        let pending = Task { try await verifier.verify(slowAssertion, for: client) }
        await gated.waitUntilGatedFetchStarted()
        let verified = try await verifier.verify(try fixture.assertion(), for: fixture.client)
        #expect(verified.issuer == ASTestFixture.idp)
        gated.release()
        await #expect(throws: IDJAGRejection.keysUnavailable(issuer: slow, reason: "no complete answer within 5.0 seconds")) { try await pending.value }
    }

    @Test("a replayed jti is refused, scoped by issuer")
    func replay() async throws {
        let assertion = try fixture.assertion()
        _ = try await fixture.verifier.verify(assertion, for: fixture.client)
        let jti = try #require(UnverifiedJWT(compact: assertion).unverifiedClaims.members["jti"]?.stringValue)
        #expect(await rejection(assertion) == .replayed(issuer: ASTestFixture.idp, jti: JTI(jti)))
    }

    @Test("an issuer trusted as re-presentable accepts the same ID-JAG until it expires (decisions X-2)")
    func representable() async throws {
        let fixture = try await ASTestFixture.make { $0.replayPolicy = .representableUntilExpiry }
        let assertion = try fixture.assertion()
        _ = try await fixture.verifier.verify(assertion, for: fixture.client)
        _ = try await fixture.verifier.verify(assertion, for: fixture.client)
        fixture.clock.advance(by: 361)
        #expect(await rejection(assertion, verifier: fixture.verifier) != nil)
    }

    @Test("six concurrent presentations of one ID-JAG yield exactly one success")
    func concurrentReplay() async throws {
        let assertion = try fixture.assertion()
        let verifier = fixture.verifier
        let client = fixture.client
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 { group.addTask { (try? await verifier.verify(assertion, for: client)) != nil } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
    }

    @Test("the jti is recorded only after every other check passed")
    func jtiRecordedLast() async throws {
        try await fixture.registry.setUserDisabled(ASTestFixture.localUser, true, actor: "test")
        let assertion = try fixture.assertion()
        #expect(await rejection(assertion) == .userDisabled(ASTestFixture.localUser))
        #expect(fixture.ledger.count == 0)
        try await fixture.registry.setUserDisabled(ASTestFixture.localUser, false, actor: "test")
        _ = try await fixture.verifier.verify(assertion, for: fixture.client)
    }

    @Test("a subject seen first is provisioned after the jti insert when the issuer creates users")
    func provisioning() async throws {
        let fixture = try await ASTestFixture.make { $0.userMapping = .createOnFirstUse }
        var claims = fixture.validClaims()
        claims["sub"] = .string("new-person")
        let verified = try await fixture.verifier.verify(try fixture.assertion(claims), for: fixture.client)
        #expect(verified.user.isProvisioned)
        #expect(fixture.registry.snapshot.user(linkedTo: LinkedIdentity(issuer: ASTestFixture.idp, subject: "new-person"))?.id == verified.user.id)
    }

    @Test("time checks run on the verified claims with the injected clock")
    func expiredAfterClockAdvance() async throws {
        let assertion = try fixture.assertion()
        fixture.clock.advance(by: 361)
        let rejection = await rejection(assertion)
        guard case .expired = rejection else {
            Issue.record("expected expired, got \(String(describing: rejection))")
            return
        }
    }
}

import Foundation
import Hummingbird
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting

/// The whole path: an issuer publishes its `KeyRing` JWKS over loopback HTTP, a verifier reads it
/// through `JWKSCache`, and the issuer rotates.
@Suite("Key rotation seen by a verifier over HTTP")
struct RotationOverHTTPTests {
    @Test("tokens of the old key verify until it leaves the JWKS; tokens of the new key after one refresh")
    func rotation() async throws {
        let clock = ManualClock()
        let ring = KeyRing(owner: "idp", store: InMemorySigningKeyStore())
        let counter = RequestCounter()
        try await LoopbackServer.run({ router in
            router.get("jwks") { _, _ in
                counter.increment()
                let jwks = try await ring.jwks(now: clock.now)
                return LoopbackServer.json(String(decoding: try JSONEncoder().encode(jwks), as: UTF8.self), headers: [.cacheControl: "max-age=300"])
            }
        }) { base in
            let cache = JWKSCache(fetcher: HTTPJWKSFetcher(), clock: clock)
            let verifier = Fixture.verifier(cache.keySource(for: Fixture.issuer, at: .jwksURI(base + "/jwks")))
            let type = EnterpriseManagedAuthorization.idJAGType
            let oldToken = try await ring.sign(Fixture.claims(), type: type, now: clock.now)
            _ = try await verifier.verify(oldToken)

            clock.advance(by: 60)
            try await ring.rotate(now: clock.now, retiringFor: 600)
            let newToken = try await ring.sign(Fixture.claims(), type: type, now: clock.now)
            _ = try await verifier.verify(newToken)
            _ = try await verifier.verify(oldToken)
            #expect(counter.value == 2)

            clock.advance(by: 601)
            _ = try await verifier.verify(newToken)
            #expect(counter.value == 3)
            let oldKeyID = try #require(try UnverifiedJWT(compact: oldToken).header.keyID)
            await #expect(throws: JOSERejection.unknownKeyID(oldKeyID)) { try await verifier.verify(oldToken) }
            #expect(counter.value == 3)
        }
    }
}

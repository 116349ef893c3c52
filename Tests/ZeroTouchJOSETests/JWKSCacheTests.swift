import Foundation
import Testing
import ZeroTouchCore
@testable import ZeroTouchJOSE

@Suite("JWKS cache: lifetimes, refresh on unknown kid, cool-down, single flight, fail closed")
struct JWKSCacheTests {
    let clock = ManualClock()
    let issuer = Fixture.issuer

    func verify(_ token: String, with cache: JWKSCache, issuer: Issuer? = nil) async throws(JOSERejection) -> VerifiedJWT {
        try await Fixture.verifier(cache.keySource(for: issuer ?? self.issuer, at: .issuerMetadata)).verify(token)
    }

    @Test("keeps a key set for its max-age, then refetches")
    func maxAge() async throws {
        let key = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([key], maxAge: 120)])
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        let token = try Fixture.idJAG(key)
        _ = try await verify(token, with: cache)
        clock.advance(by: 119)
        _ = try await verify(token, with: cache)
        #expect(fetcher.calls(for: issuer) == 1)
        clock.advance(by: 1)
        _ = try await verify(token, with: cache)
        #expect(fetcher.calls(for: issuer) == 2)
    }

    @Test("clamps max-age between one minute and one day, and defaults to five minutes", arguments: [
        (5.0 as TimeInterval?, 60.0), (1_000_000, 86_400), (nil, 300), (600, 600),
    ])
    func clampsMaxAge(_ maxAge: TimeInterval?, lifetime: TimeInterval) async throws {
        #expect(JWKSCachePolicy.standard.lifetime(maxAge: maxAge) == lifetime)
        let key = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([key], maxAge: maxAge)])
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        let token = try Fixture.idJAG(key, claims: Fixture.claims(lifetime: 200_000))
        _ = try await verify(token, with: cache)
        clock.advance(by: lifetime - 1)
        _ = try await verify(token, with: cache)
        #expect(fetcher.calls(for: issuer) == 1)
        clock.advance(by: 1)
        _ = try await verify(token, with: cache)
        #expect(fetcher.calls(for: issuer) == 2)
    }

    @Test("refreshes once on an unknown kid and finds the new key")
    func refreshesOnUnknownKeyID() async throws {
        let old = try SigningKey.generate()
        let new = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([old], maxAge: 3600)])
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        _ = try await verify(try Fixture.idJAG(old), with: cache)
        fetcher.serve(Fixture.fetched([new], maxAge: 3600), for: issuer)
        clock.advance(by: 31)
        let verified = try await verify(try Fixture.idJAG(new), with: cache)
        #expect(verified.keyID == new.keyID)
        #expect(fetcher.calls(for: issuer) == 2)
        // The refreshed set replaced the old one: the withdrawn key no longer verifies.
        clock.advance(by: 31)
        await #expect(throws: JOSERejection.unknownKeyID(old.keyID)) { try await verify(try Fixture.idJAG(old), with: cache) }
        #expect(fetcher.calls(for: issuer) == 3)
    }

    @Test("an unknown kid within the cool-down is refused without a fetch")
    func coolDown() async throws {
        let key = try SigningKey.generate()
        let stranger = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([key], maxAge: 3600)])
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        _ = try await verify(try Fixture.idJAG(key), with: cache)
        // The set was fetched just now: no second fetch for an unknown kid.
        await #expect(throws: JOSERejection.unknownKeyID(stranger.keyID)) { try await verify(try Fixture.idJAG(stranger), with: cache) }
        #expect(fetcher.calls(for: issuer) == 1)
        clock.advance(by: 30)
        await #expect(throws: JOSERejection.unknownKeyID(stranger.keyID)) { try await verify(try Fixture.idJAG(stranger), with: cache) }
        #expect(fetcher.calls(for: issuer) == 2)
        for _ in 0..<5 {
            clock.advance(by: 5)
            await #expect(throws: JOSERejection.unknownKeyID(stranger.keyID)) { try await verify(try Fixture.idJAG(stranger), with: cache) }
        }
        #expect(fetcher.calls(for: issuer) == 2)
        _ = try await verify(try Fixture.idJAG(key), with: cache)
        #expect(fetcher.calls(for: issuer) == 2)
    }

    @Test("concurrent lookups share one fetch")
    func singleFlight() async throws {
        let key = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([key])])
        let started = Gate()
        let release = Gate()
        fetcher.hold(issuer, started: started, release: release)
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        let token = try Fixture.idJAG(key)
        try await withThrowingTaskGroup(of: VerifiedJWT.self) { group in
            for _ in 0..<5 { group.addTask { try await verify(token, with: cache) } }
            await started.wait()
            while await cache.joinedFetches[issuer, default: 0] < 4 { await Task.yield() }
            await release.open()
            for try await verified in group { #expect(verified.keyID == key.keyID) }
        }
        #expect(fetcher.calls(for: issuer) == 1)
    }

    @Test("fails closed when the set has expired and the fetch fails, then retries after the cool-down")
    func failsClosed() async throws {
        let key = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([key], maxAge: 60)])
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        let token = try Fixture.idJAG(key, claims: Fixture.claims(lifetime: 3600))
        _ = try await verify(token, with: cache)
        fetcher.serve(.failure(.unexpectedStatus(503)), for: issuer)
        clock.advance(by: 60)
        let unavailable = JOSERejection.keySetUnavailable(issuer: issuer, reason: .unexpectedStatus(503))
        await #expect(throws: unavailable) { try await verify(token, with: cache) }
        #expect(fetcher.calls(for: issuer) == 2)
        clock.advance(by: 29)
        await #expect(throws: unavailable) { try await verify(token, with: cache) }
        #expect(fetcher.calls(for: issuer) == 2)
        fetcher.serve(Fixture.fetched([key]), for: issuer)
        clock.advance(by: 1)
        _ = try await verify(token, with: cache)
        #expect(fetcher.calls(for: issuer) == 3)
    }

    @Test("two issuers publishing the same kid are kept apart")
    func issuersKeptApart() async throws {
        let mine = try SigningKey.generate(keyID: "1")
        let theirs = try SigningKey.generate(keyID: "1")
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([mine]), Fixture.otherIssuer: Fixture.fetched([theirs])])
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        let token = try Fixture.idJAG(theirs)
        _ = try await verify(token, with: cache, issuer: Fixture.otherIssuer)
        await #expect(throws: JOSERejection.badSignature(keyID: "1")) { try await verify(token, with: cache, issuer: issuer) }
        _ = try await verify(try Fixture.idJAG(mine), with: cache, issuer: issuer)
        #expect(fetcher.calls(for: issuer) == 1)
        #expect(fetcher.calls(for: Fixture.otherIssuer) == 1)
    }

    @Test("a slow issuer does not hold up lookups for another issuer")
    func slowIssuerDoesNotBlock() async throws {
        let slowKey = try SigningKey.generate()
        let fastKey = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([slowKey]), Fixture.otherIssuer: Fixture.fetched([fastKey])])
        let started = Gate()
        let release = Gate()
        fetcher.hold(issuer, started: started, release: release)
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        let slowToken = try Fixture.idJAG(slowKey)
        let slow = Task { try await verify(slowToken, with: cache) }
        await started.wait()
        let fast = try await verify(try Fixture.idJAG(fastKey), with: cache, issuer: Fixture.otherIssuer)
        #expect(fast.keyID == fastKey.keyID)
        await release.open()
        #expect(try await slow.value.keyID == slowKey.keyID)
    }

    @Test("a fetch failure on an unknown kid keeps the fresh set for known kids")
    func failedRefreshKeepsFreshSet() async throws {
        let key = try SigningKey.generate()
        let fetcher = FakeJWKSFetcher([issuer: Fixture.fetched([key], maxAge: 3600)])
        let cache = JWKSCache(fetcher: fetcher, clock: clock)
        _ = try await verify(try Fixture.idJAG(key), with: cache)
        fetcher.serve(.failure(.timedOut(after: .seconds(5))), for: issuer)
        clock.advance(by: 31)
        await #expect(throws: JOSERejection.keySetUnavailable(issuer: issuer, reason: .timedOut(after: .seconds(5)))) {
            try await verify(try Fixture.idJAG(try SigningKey.generate()), with: cache)
        }
        _ = try await verify(try Fixture.idJAG(key), with: cache)
        #expect(fetcher.calls(for: issuer) == 2)
    }
}

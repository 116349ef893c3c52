import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import Testing
import ZeroTouchCore
import ZeroTouchJOSE

@Suite("Fetching a JWKS over loopback HTTP")
struct HTTPJWKSFetcherTests {
    let issuer = Fixture.issuer

    static func keys(of result: JWKSFetchResult) -> [KeyID?]? {
        if case .success(let parsed, _) = result { parsed.keys.map(\.keyID) } else { nil }
    }

    static func failure(of result: JWKSFetchResult) -> JWKSFetchFailure? {
        if case .failure(let failure) = result { failure } else { nil }
    }

    @Test("fetches a JWKS with Accept application/json and reads max-age")
    func fetches() async throws {
        let key = try SigningKey.generate()
        let json = String(decoding: Fixture.jwksJSON([key]), as: UTF8.self)
        try await LoopbackServer.run({ router in
            router.get("jwks") { request, _ in
                guard request.headers[.accept] == "application/json" else { return LoopbackServer.json("{}", status: .notAcceptable) }
                return LoopbackServer.json(json, headers: [.cacheControl: "public, max-age=120"])
            }
        }) { base in
            let result = await HTTPJWKSFetcher().fetchKeySet(of: issuer, from: .jwksURI(base + "/jwks"))
            #expect(Self.keys(of: result) == [key.keyID])
            guard case .success(_, let maxAge) = result else { return }
            #expect(maxAge == 120)
        }
    }

    @Test("refreshes once per unknown kid against a real server, and the cool-down stops a second fetch")
    func countsRealFetches() async throws {
        let old = try SigningKey.generate()
        let new = try SigningKey.generate()
        let counter = RequestCounter()
        try await LoopbackServer.run({ router in
            router.get("jwks") { _, _ in
                counter.increment()
                let keys = counter.value == 1 ? [old] : [old, new]
                return LoopbackServer.json(String(decoding: Fixture.jwksJSON(keys), as: UTF8.self), headers: [.cacheControl: "max-age=3600"])
            }
        }) { base in
            let clock = ManualClock()
            let cache = JWKSCache(fetcher: HTTPJWKSFetcher(), clock: clock)
            let verifier = Fixture.verifier(cache.keySource(for: issuer, at: .jwksURI(base + "/jwks")))
            _ = try await verifier.verify(try Fixture.idJAG(old))
            _ = try await verifier.verify(try Fixture.idJAG(old))
            #expect(counter.value == 1)
            let stranger = try SigningKey.generate()
            await #expect(throws: JOSERejection.unknownKeyID(stranger.keyID)) { try await verifier.verify(try Fixture.idJAG(stranger)) }
            #expect(counter.value == 1)
            clock.advance(by: 30)
            _ = try await verifier.verify(try Fixture.idJAG(new))
            #expect(counter.value == 2)
            await #expect(throws: JOSERejection.unknownKeyID(stranger.keyID)) { try await verifier.verify(try Fixture.idJAG(stranger)) }
            #expect(counter.value == 2)
        }
    }

    @Test("refuses a body over 64 KiB, with or without Content-Length")
    func refusesLargeBody() async throws {
        let padding = String(repeating: " ", count: 65 * 1024)
        try await LoopbackServer.run({ router in
            router.get("sized") { _, _ in LoopbackServer.json("{\"keys\":[]}" + padding) }
            router.get("chunked") { _, _ in
                Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "{\"keys\":["))
                    for _ in 0..<200 { try await writer.write(ByteBuffer(string: String(repeating: " ", count: 1024))) }
                    try await writer.write(ByteBuffer(string: "]}"))
                    try await writer.finish(nil)
                })
            }
            router.get("small") { _, _ in LoopbackServer.json("{\"keys\":[]}" + String(repeating: " ", count: 60 * 1024)) }
        }) { base in
            let fetcher = HTTPJWKSFetcher()
            for path in ["/sized", "/chunked"] {
                let result = await fetcher.fetchKeySet(of: issuer, from: .jwksURI(base + path))
                #expect(Self.failure(of: result) == .bodyTooLarge(limit: 64 * 1024))
            }
            #expect(Self.keys(of: await fetcher.fetchKeySet(of: issuer, from: .jwksURI(base + "/small"))) == [])
        }
    }

    @Test("gives up on a slow endpoint after the time limit")
    func timesOut() async throws {
        let gate = Gate()
        try await LoopbackServer.run({ router in
            router.get("slow") { _, _ in
                await gate.wait()
                return LoopbackServer.json("{\"keys\":[]}")
            }
        }) { base in
            let fetcher = HTTPJWKSFetcher(timeout: .milliseconds(200))
            let started = ContinuousClock.now
            let result = await fetcher.fetchKeySet(of: issuer, from: .jwksURI(base + "/slow"))
            #expect(Self.failure(of: result) == .timedOut(after: .milliseconds(200)))
            #expect(ContinuousClock.now - started < .seconds(3))
            await gate.open()
        }
    }

    @Test("fails on a status other than 200, a redirect, or a body that is not a JWK Set")
    func failsOnBadAnswers() async throws {
        try await LoopbackServer.run({ router in
            router.get("missing") { _, _ in LoopbackServer.json("{}", status: .notFound) }
            router.get("moved") { request, _ in
                Response(status: .found, headers: [.location: LoopbackServer.origin(of: request) + "/jwks"])
            }
            router.get("jwks") { _, _ in LoopbackServer.json("{\"keys\":[]}") }
            router.get("html") { _, _ in LoopbackServer.json("<html></html>") }
        }) { base in
            let fetcher = HTTPJWKSFetcher()
            #expect(Self.failure(of: await fetcher.fetchKeySet(of: issuer, from: .jwksURI(base + "/missing"))) == .unexpectedStatus(404))
            #expect(Self.failure(of: await fetcher.fetchKeySet(of: issuer, from: .jwksURI(base + "/moved"))) == .redirected)
            #expect(Self.failure(of: await fetcher.fetchKeySet(of: issuer, from: .jwksURI(base + "/html"))) == .malformedJWKS)
        }
    }

    @Test("refuses plain http off loopback before sending anything")
    func refusesInsecureURL() async {
        let fetcher = HTTPJWKSFetcher()
        let url = "http://idp.example/jwks"
        #expect(Self.failure(of: await fetcher.fetchKeySet(of: issuer, from: .jwksURI(url))) == .endpointRejected(.insecureScheme(url)))
        #expect(Self.failure(of: await fetcher.fetchKeySet(of: "http://idp.example", from: .issuerMetadata)) ==
            .endpointRejected(.insecureScheme("http://idp.example/.well-known/oauth-authorization-server")))
    }

    @Test("a refused connection fails within the time limit")
    func refusedConnection() async throws {
        // Nothing listens on port 1 of the loopback interface. AsyncHTTPClient keeps retrying the
        // connection until its deadline, so the answer is the connect error or the time limit,
        // whichever comes first: either way, no keys and no hang.
        let started = ContinuousClock.now
        let result = await HTTPJWKSFetcher(timeout: .milliseconds(300)).fetchKeySet(of: issuer, from: .jwksURI("http://127.0.0.1:1/jwks"))
        switch Self.failure(of: result) {
        case .transportFailed?, .timedOut(after: .milliseconds(300))?: break
        default: Issue.record("expected a transport failure or a time-out, got \(result)")
        }
        #expect(ContinuousClock.now - started < .seconds(3))
    }
}

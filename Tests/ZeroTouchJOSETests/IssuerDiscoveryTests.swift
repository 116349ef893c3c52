import Foundation
import Hummingbird
import Testing
import ZeroTouchCore
import ZeroTouchJOSE

@Suite("Finding an issuer's JWKS through its metadata")
struct IssuerDiscoveryTests {
    static func metadata(issuer: String, jwksURI: String?) -> String {
        let jwks = jwksURI.map { ",\"jwks_uri\":\"\($0)\"" } ?? ""
        return "{\"issuer\":\"\(issuer)\",\"token_endpoint\":\"\(issuer)/token\"\(jwks)}"
    }

    static func jwks(_ keys: [SigningKey]) -> Response {
        LoopbackServer.json(String(decoding: Fixture.jwksJSON(keys), as: UTF8.self))
    }

    @Test("reads jwks_uri from RFC 8414 metadata and verifies with it")
    func rfc8414() async throws {
        let key = try SigningKey.generate()
        let counter = RequestCounter()
        try await LoopbackServer.run({ router in
            router.get(".well-known/oauth-authorization-server") { request, _ in
                counter.increment()
                let origin = LoopbackServer.origin(of: request)
                return LoopbackServer.json(Self.metadata(issuer: origin, jwksURI: origin + "/keys"))
            }
            router.get("keys") { _, _ in Self.jwks([key]) }
        }) { base in
            let cache = JWKSCache(fetcher: HTTPJWKSFetcher(), clock: ManualClock())
            let verifier = Fixture.verifier(cache.keySource(for: Issuer(base), at: .issuerMetadata))
            let verified = try await verifier.verify(try Fixture.idJAG(key))
            #expect(verified.keyID == key.keyID)
            #expect(counter.value == 1)
        }
    }

    @Test("falls back to OpenID Connect discovery when RFC 8414 metadata is absent")
    func openIDFallback() async throws {
        let key = try SigningKey.generate(.rs256)
        try await LoopbackServer.run({ router in
            router.get(".well-known/oauth-authorization-server") { _, _ in LoopbackServer.json("{}", status: .notFound) }
            router.get(".well-known/openid-configuration") { request, _ in
                let origin = LoopbackServer.origin(of: request)
                return LoopbackServer.json(Self.metadata(issuer: origin, jwksURI: origin + "/oidc/jwks"))
            }
            router.get("oidc/jwks") { _, _ in Self.jwks([key]) }
        }) { base in
            let result = await HTTPJWKSFetcher().fetchKeySet(of: Issuer(base), from: .issuerMetadata)
            #expect(HTTPJWKSFetcherTests.keys(of: result) == [key.keyID])
        }
    }

    @Test("refuses metadata that names another issuer, without fetching its jwks_uri")
    func issuerMismatch() async throws {
        let counter = RequestCounter()
        try await LoopbackServer.run({ router in
            router.get(".well-known/oauth-authorization-server") { request, _ in
                LoopbackServer.json(Self.metadata(issuer: "https://evil.example", jwksURI: LoopbackServer.origin(of: request) + "/keys"))
            }
            router.get("keys") { _, _ in
                counter.increment()
                return Self.jwks([])
            }
        }) { base in
            let result = await HTTPJWKSFetcher().fetchKeySet(of: Issuer(base), from: .issuerMetadata)
            #expect(HTTPJWKSFetcherTests.failure(of: result) == .issuerMismatch(expected: Issuer(base), actual: "https://evil.example"))
            #expect(counter.value == 0)
            // A trailing slash is a different issuer too (RFC 8414 §3.3 compares exactly).
            let slashed = await HTTPJWKSFetcher().fetchKeySet(of: Issuer(base + "/"), from: .issuerMetadata)
            #expect(HTTPJWKSFetcherTests.failure(of: slashed) == .issuerMismatch(expected: Issuer(base + "/"), actual: "https://evil.example"))
        }
    }

    @Test("fails when the metadata has no jwks_uri, names an insecure one, or cannot be found")
    func badMetadata() async throws {
        try await LoopbackServer.run({ router in
            router.get(".well-known/oauth-authorization-server/no-jwks") { request, _ in
                LoopbackServer.json(Self.metadata(issuer: LoopbackServer.origin(of: request) + "/no-jwks", jwksURI: nil))
            }
            router.get(".well-known/oauth-authorization-server/insecure") { request, _ in
                LoopbackServer.json(Self.metadata(issuer: LoopbackServer.origin(of: request) + "/insecure", jwksURI: "http://idp.example/jwks"))
            }
        }) { base in
            let fetcher = HTTPJWKSFetcher()
            #expect(HTTPJWKSFetcherTests.failure(of: await fetcher.fetchKeySet(of: Issuer(base + "/no-jwks"), from: .issuerMetadata)) ==
                .missingJWKSURI(issuer: Issuer(base + "/no-jwks")))
            #expect(HTTPJWKSFetcherTests.failure(of: await fetcher.fetchKeySet(of: Issuer(base + "/insecure"), from: .issuerMetadata)) ==
                .endpointRejected(.insecureScheme("http://idp.example/jwks")))
            #expect(HTTPJWKSFetcherTests.failure(of: await fetcher.fetchKeySet(of: Issuer(base + "/nothing"), from: .issuerMetadata)) ==
                .metadataNotFound(issuer: Issuer(base + "/nothing")))
        }
    }
}

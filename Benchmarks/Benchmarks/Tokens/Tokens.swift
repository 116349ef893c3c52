import Benchmark
import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchJOSE
import ZeroTouchResourceServer
import ZeroTouchTesting

/// The token hot paths of issue 9, in process (no HTTP): issuing one ID-JAG at the IdP, verifying
/// one ID-JAG at the authorization server with every check, the whole jwt-bearer grant, and the
/// resource server's bearer check. Compare with the `CryptoFloor` benchmarks of the same run.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 100,
        maxDuration: .seconds(5),
        maxIterations: 20_000
    )

    // MARK: IdP: issuing an ID-JAG

    let issuing = SetupBox<(issuer: IDJAGIssuer, user: User, server: MCPServer, now: Date)>()
    Benchmark("ID-JAG issue: IDJAGIssuer.issue (KeyRing, ES256)") { benchmark in
        let (issuer, user, server, now) = issuing.value
        let authentication = AuthenticationContext(methods: ["otp", "pwd"], authenticatedAt: now.addingTimeInterval(-60))
        for _ in benchmark.scaledIterations {
            blackHole(
                try await issuer.issue(
                    for: user, toward: server, clientIDAtServer: TokenWorld.clientID, scope: ["read"],
                    authentication: authentication, now: now))
        }
    } setup: {
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        let keyRing = KeyRing(owner: "idp", store: InMemorySigningKeyStore())
        _ = try await keyRing.activeKey(now: now)
        let user = User(
            id: UserID(TokenWorld.idpSubject.rawValue), username: "alice", email: "alice@example.com", displayName: "Alice",
            passwordHash: "$2b$12$notarealhash", createdAt: now)
        let server = MCPServer(
            id: "s-bench", name: "bench", resource: TokenWorld.resource, authorizationServer: TokenWorld.authorizationServer,
            scopes: [ScopeDefinition("read"), ScopeDefinition("write")], createdAt: now)
        issuing.value = (IDJAGIssuer(keyRing: keyRing, issuer: IssuerBinding(TokenWorld.idp)), user, server, now)
    }

    let signing = SetupBox<TokenWorld>()
    Benchmark("ID-JAG sign: SigningKey.sign(IDJAGClaims) (ES256)") { benchmark in
        let world = signing.value
        let claims = world.idJAGClaims()
        for _ in benchmark.scaledIterations {
            blackHole(try world.idpKey.sign(claims, type: EnterpriseManagedAuthorization.idJAGType))
        }
    } setup: {
        signing.value = try await TokenWorld.make()
    }

    // MARK: AS: verifying an ID-JAG, and the whole jwt-bearer grant

    let verifying = SetupBox<TokenWorld>()
    let verifyTokens = TokenQueue()
    Benchmark("ID-JAG verify: IDJAGVerifier.verify, all 17 checks (new jti each)") { benchmark in
        let world = verifying.value
        for _ in benchmark.scaledIterations {
            let assertion = verifyTokens.take()
            blackHole(try await world.verifier.verify(assertion, for: world.client))
        }
    } setup: {
        let world = try await TokenWorld.make()
        verifying.value = world
        verifyTokens.fill(try world.presignedIDJAGs())
    }

    let redeeming = SetupBox<TokenWorld>()
    let grantTokens = TokenQueue()
    Benchmark("jwt-bearer grant: JWTBearerGrant.redeem (verify + access token + audit)") { benchmark in
        let world = redeeming.value
        for _ in benchmark.scaledIterations {
            let assertion = grantTokens.take()
            blackHole(try await world.grant.redeem(assertion, for: world.client))
        }
    } setup: {
        let world = try await TokenWorld.make()
        redeeming.value = world
        grantTokens.fill(try world.presignedIDJAGs())
    }

    // MARK: Resource server: the bearer check

    let bearer = SetupBox<(verifier: JWTAccessTokenVerifier, token: String)>()
    Benchmark("Bearer check: JWTAccessTokenVerifier.verify (cached JWKS key)") { benchmark in
        let (verifier, token) = bearer.value
        for _ in benchmark.scaledIterations {
            guard let bearerToken = BearerToken(b64token: token) else { fatalError("not a b64token") }
            blackHole(try await verifier.verify(bearerToken))
        }
    } setup: {
        let clock = ManualClock()
        let factory = try AccessTokenFactory(issuer: TokenWorld.authorizationServer)
        let token = try factory.makeAccessToken(resource: TokenWorld.resource, scope: "read", issuedAt: clock.now)
        let cache = JWKSCache(fetcher: FixedJWKSFetcher([factory.key]), clock: clock)
        let verifier = JWTAccessTokenVerifier(
            issuer: TokenWorld.authorizationServer, resource: TokenWorld.resource, cache: cache,
            location: .jwksURI("https://auth.example.com/jwks"), clock: clock)
        // Fill the cache, so that every measured check uses the cached key.
        _ = try await verifier.verify(BearerToken(b64token: token)!)
        bearer.value = (verifier, token)
    }

    // MARK: The same paths over the SQLite stores

    sqliteVariantBenchmarks()

    // MARK: Where the signing path's time goes: base64url of an ID-JAG payload

    let payload = SetupBox<[UInt8]>()
    let loadPayload: Benchmark.BenchmarkSetupHook = {
        let world = try await TokenWorld.make()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        payload.value = Array(try encoder.encode(world.idJAGClaims()))
    }
    Benchmark("Base64URL.encode (ZeroTouchJOSE) of an ID-JAG payload") { benchmark in
        let bytes = payload.value
        for _ in benchmark.scaledIterations {
            blackHole(Base64URL.encode(bytes))
        }
    } setup: {
        try await loadPayload()
    }
    Benchmark("Base64URL candidate (table-driven, benchmark-local) of the same payload") { benchmark in
        let bytes = payload.value
        for _ in benchmark.scaledIterations {
            blackHole(Base64URLCandidate.encode(bytes))
        }
    } setup: {
        try await loadPayload()
        precondition(Base64URLCandidate.encode(payload.value) == Base64URL.encode(payload.value), "candidate differs")
    }
}

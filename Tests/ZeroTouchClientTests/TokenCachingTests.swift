import Foundation
import Testing
import ZeroTouchClient
import ZeroTouchCore

/// Access tokens per (issuer, resource): single flight, renewal before expiry with a fresh ID-JAG,
/// re-authorization after 401, and step-up after 403.
@Suite("Access token cache")
struct TokenCachingTests {
    @Test("twenty concurrent requests for one server share one token exchange and one jwt-bearer grant")
    func singleFlight() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let authorizer = try world.authorizer()
            let endpoint = world.mcpEndpoint
            let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await authorizer.accessToken(for: endpoint).value.revealed } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(tokens.count == 1)
        }
        #expect(world.tokenExchangeCount == 1)
        #expect(world.jwtBearerCount == 1)
        #expect(world.read(\.metadataRequests).count == 1)
    }

    @Test("a token is reused until shortly before it expires, then replaced using a fresh ID-JAG")
    func renewalBeforeExpiry() async throws {
        let world = try MockWorld()
        world.update { $0.options.accessTokenLifetime = 300 }
        let clock = ManualClock()
        try await world.run { _ in
            let authorizer = try world.authorizer(clock: clock)
            let first = try await authorizer.accessToken(for: world.mcpEndpoint)
            clock.advance(by: 260)
            #expect(try await authorizer.accessToken(for: world.mcpEndpoint) == first)
            clock.advance(by: 15)  // within the 30 s margin
            let second = try await authorizer.accessToken(for: world.mcpEndpoint)
            #expect(second.value != first.value)
            #expect(second.expiresAt == clock.now.addingTimeInterval(300))
        }
        #expect(world.tokenExchangeCount == 2)
        #expect(world.jwtBearerCount == 2)
        #expect(world.read(\.seenJTIs).count == 2, "each renewal redeems a new ID-JAG; none is re-presented")
    }

    @Test("the swift-sdk HTTPClientAuthorizer view serves the cached token")
    func sdkAuthorizerView() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let authorizer = try world.authorizer()
            let url = try #require(URL(string: world.mcpEndpoint))
            #expect(authorizer.authorizationHeader(for: url) == nil)
            let token = try await authorizer.accessToken(for: world.mcpEndpoint)
            #expect(authorizer.authorizationHeader(for: url) == token.authorizationHeader)
            #expect(throws: ZeroTouchClientError.self) { try authorizer.validateEndpointSecurity(for: URL(string: "http://mcp.example.com/mcp")!) }
        }
    }

    @Test("after a 401 the rejected token is dropped and a new one obtained")
    func reauthorizesAfterUnauthorized() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let authorizer = try world.authorizer()
            let first = try await authorizer.accessToken(for: world.mcpEndpoint)
            let second = try await authorizer.tokenAfterUnauthorized(for: world.mcpEndpoint, challenge: nil, rejected: first)
            #expect(second.value != first.value)
            // A late 401 for the old token does not throw away the new one.
            let third = try await authorizer.tokenAfterUnauthorized(for: world.mcpEndpoint, challenge: nil, rejected: first)
            #expect(third.value == second.value)
        }
        #expect(world.tokenExchangeCount == 2)
    }

    @Test("a 403 insufficient_scope triggers one step-up exchange with the wider scope")
    func stepUp() async throws {
        let world = try MockWorld()
        world.update { state in
            state.options.scopesSupported = ["tools.read"]
            state.options.callRequiresScope = "tools.call"
        }
        try await world.run { _ in
            let connection = try await world.connector().connect(to: world.mcpEndpoint)
            let result = try await connection.callTool("test-tool")
            #expect(result.isError == false)
            await connection.close()
        }
        let scopes = world.read(\.tokenExchanges).map { $0["scope"] }
        #expect(scopes == ["tools.read", "tools.call tools.read"])
        let calls = world.read(\.mcpRequests).filter { $0.rpcMethod == "tools/call" }
        #expect(calls.count == 2)
    }

    @Test("a second 403 after the step-up is reported as insufficient scope")
    func stepUpOnlyOnce() async throws {
        let world = try MockWorld()
        world.update { state in
            state.options.scopesSupported = ["tools.read"]
            state.options.callRequiresScope = "tools.call"
            state.options.deniedResources = []
        }
        try await world.run { _ in
            let authorizer = try world.authorizer()
            let token = try await authorizer.accessToken(for: world.mcpEndpoint)
            let challenge = BearerChallenge(scope: ["tools.read"], error: .insufficientScope)
            _ = await expectClientError(.insufficientScope) {
                _ = try await authorizer.tokenAfterInsufficientScope(for: world.mcpEndpoint, challenge: challenge, rejected: token)
            }
        }
        #expect(world.tokenExchangeCount == 1)
    }
}

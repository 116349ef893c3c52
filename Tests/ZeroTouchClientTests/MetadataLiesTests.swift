import Foundation
import Hummingbird
import Testing
import ZeroTouchClient
import ZeroTouchCore

/// Servers that lie in their metadata are refused before any credential leaves the client.
@Suite("Discovery refuses lying servers")
struct MetadataLiesTests {
    @Test("an authorization server whose metadata names another issuer gets nothing")
    func issuerMismatch() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            world.update { $0.options.authorizationServerIssuer = "http://localhost:1/other" }
            _ = await expectClientError(.issuerMismatch) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
        }
        #expect(world.tokenExchangeCount == 0)
        #expect(world.jwtBearerCount == 0)
    }

    @Test("a token endpoint on another origin never receives the ID-JAG or the client secret")
    func tokenEndpointElsewhere() async throws {
        let world = try MockWorld()
        let evil = RequestLog()
        try await world.run(extra: [{ evil.router() }]) { urls in
            world.update { $0.options.authorizationServerTokenEndpoint = urls[0] + "/token" }
            _ = await expectClientError(.tokenEndpointNotAllowed) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
        }
        #expect(evil.count == 0)
        #expect(world.tokenExchangeCount == 0, "no ID-JAG is requested for a server whose token endpoint is refused")
    }

    @Test("an insecure token endpoint is refused before any request")
    func insecureTokenEndpoint() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            world.update { $0.options.authorizationServerTokenEndpoint = "http://as.example.com/token" }
            let error = await expectClientError(.tokenEndpointNotAllowed) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
            #expect(error?.description.contains("https") == true)
        }
        #expect(world.tokenExchangeCount == 0)
    }

    @Test("an IdP issuing the wrong token type is refused and nothing reaches the authorization server")
    func wrongTokenType() async throws {
        let world = try MockWorld()
        world.update { $0.options.issuedTokenType = TokenType.accessToken.rawValue }
        try await world.run { _ in
            _ = await expectClientError(.unexpectedTokenType) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
        }
        #expect(world.tokenExchangeCount == 1)
        #expect(world.jwtBearerCount == 0)
    }

    @Test("protected resource metadata for another resource is refused")
    func resourceMismatch() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            world.update { $0.options.protectedResource = "http://localhost:1/mcp" }
            _ = await expectClientError(.resourceMismatch) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
        }
        #expect(world.tokenExchangeCount == 0)
    }

    @Test("an authorization server without the jwt-bearer grant is refused")
    func noJWTBearer() async throws {
        let world = try MockWorld()
        world.update { $0.options.grantTypes = ["authorization_code"] }
        try await world.run { _ in
            _ = await expectClientError(.jwtBearerNotSupported) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
        }
        #expect(world.tokenExchangeCount == 0)
    }

    @Test("without credentials for the discovered issuer no ID-JAG is requested (C-37)")
    func noCredentialsForIssuer() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let credentials = AuthorizationServerCredentials([
                Issuer("http://localhost:1"): TokenEndpointCredential(clientID: ClientID(MockWorld.clientID), secret: SecretValue(MockWorld.clientSecret))
            ])
            _ = await expectClientError(.noCredentialsForAuthorizationServer) {
                _ = try await world.connector(credentials: credentials).connect(to: world.mcpEndpoint)
            }
        }
        #expect(world.tokenExchangeCount == 0)
    }

    @Test("a server that refuses every token is re-authorized once, then reported")
    func refusesEveryToken() async throws {
        let world = try MockWorld()
        world.update { $0.options.rejectsEveryToken = true }
        try await world.run { _ in
            _ = await expectClientError(.unauthorized) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
        }
        #expect(world.tokenExchangeCount == 1)
        #expect(world.read(\.mcpRequests).count == 2)
    }

    @Test("an http MCP URL that is not loopback is refused without a request")
    func insecureServerURL() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            _ = await expectClientError(.insecureEndpoint) { _ = try await world.connector().connect(to: "http://mcp.example.com/mcp") }
        }
    }
}

/// A server that records how many requests it got, on any path.
final class RequestLog: Sendable {
    private let counter = RequestCounter()
    var count: Int { counter.value }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let counter = self.counter
        router.post("/token") { _, _ in
            counter.increment()
            return Loopback.json(["access_token": "stolen", "token_type": "Bearer"])
        }
        return router
    }
}

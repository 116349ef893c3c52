import Foundation
import Logging
import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCore

/// The client against a mock that behaves like the conformance suite's
/// `auth/enterprise-managed-authorization` scenario (checklist §7.2).
@Suite("Conformance client scenario")
struct ConformanceScenarioTests {
    @Test("completes discovery, both exchanges and the MCP calls", arguments: [true, false])
    func completesTheScenario(answersWithSSE: Bool) async throws {
        let world = try MockWorld()
        world.update { $0.options.mcpAnswersWithSSE = answersWithSSE }
        try await world.run { _ in
            let connection = try await world.connector().connect(to: world.mcpEndpoint)
            let tools = try await connection.listTools()
            #expect(tools.map(\.name) == ["test-tool"])
            let result = try await connection.callTool("test-tool", arguments: [:])
            #expect(result.content == [.text(text: "test", annotations: nil, _meta: nil)])
            #expect(result.isError == false)
            await connection.close()
        }
        let exchanges = world.read(\.tokenExchanges)
        let exchange = try #require(exchanges.first)
        #expect(exchanges.count == 1)
        #expect(exchange["grant_type"] == GrantType.tokenExchange.rawValue)
        #expect(exchange["subject_token_type"] == TokenType.idToken.rawValue)
        #expect(exchange["requested_token_type"] == TokenType.idJAG.rawValue)
        #expect(exchange["audience"] == world.read(\.asURL))
        #expect(exchange["resource"] == world.mcpEndpoint)
        #expect(exchange["client_id"] == MockWorld.idpClientID)
        #expect(exchange["scope"] == nil)
        let grant = try #require(world.read(\.jwtBearerGrants).first)
        #expect(world.jwtBearerCount == 1)
        #expect(grant["grant_type"] == GrantType.jwtBearer.rawValue)
        #expect(grant["resource"] == world.mcpEndpoint)
        #expect(grant["client_secret"] == nil, "client_secret_post must not be used against a Basic-only server")
        #expect(world.read(\.jwtBearerAuthorizations).first??.hasPrefix("Basic ") == true)
    }

    @Test("sends the bearer token on every MCP request after the first 401, and never the ID token or ID-JAG")
    func sendsOnlyTheAccessToken() async throws {
        let world = try MockWorld()
        let idToken = try world.idToken()
        try await world.run { _ in
            let connection = try await world.connector().connect(to: world.mcpEndpoint)
            _ = try await connection.callTool("test-tool")
            await connection.close()
        }
        let requests = world.read(\.mcpRequests).filter { $0.httpMethod == "POST" }
        #expect(requests.first?.authorization == nil)
        #expect(requests.dropFirst().allSatisfy { $0.authorization?.hasPrefix("Bearer test-token-") == true })
        #expect(requests.map(\.rpcMethod) == ["initialize", "initialize", "notifications/initialized", "tools/call"])
        let idJAGs = world.read(\.jwtBearerGrants).compactMap { $0["assertion"] }
        for request in world.read(\.mcpRequests) {
            #expect(!(request.authorization ?? "").contains(idToken.prefix(40)))
            for idJAG in idJAGs { #expect(!(request.authorization ?? "").contains(idJAG.prefix(40))) }
            #expect(!request.path.contains("token"))
        }
    }

    @Test("logs no token or secret, even at trace level")
    func logsNoSecrets() async throws {
        let world = try MockWorld()
        let log = CapturedLog()
        let idToken = try world.idToken()
        try await world.run { _ in
            let authorizer = try world.authorizer(logger: log.logger())
            let connection = try await MCPConnector(authorizer: authorizer).connect(to: world.mcpEndpoint)
            _ = try await connection.callTool("test-tool")
            await connection.close()
        }
        let secrets = [MockWorld.clientSecret, String(idToken.suffix(40))]
            + world.read(\.jwtBearerGrants).compactMap { $0["assertion"].map { String($0.suffix(40)) } }
            + world.read(\.accessTokens).keys.map { $0 }
        #expect(!log.all.isEmpty)
        for line in log.all {
            for secret in secrets { #expect(!line.contains(secret), "a log line carries a secret: \(line.prefix(80))") }
        }
    }

    @Test("declares the EMA extension under capabilities.extensions in initialize")
    func declaresTheExtension() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let connection = try await world.connector().connect(to: world.mcpEndpoint)
            await connection.close()
        }
        let initialize = try #require(world.read(\.mcpRequests).last { $0.rpcMethod == "initialize" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(initialize.body.utf8)) as? [String: Any])
        let params = try #require(object["params"] as? [String: Any])
        let capabilities = try #require(params["capabilities"] as? [String: Any])
        let extensions = try #require(capabilities["extensions"] as? [String: Any])
        #expect(extensions[EnterpriseManagedAuthorization.extensionID] as? [String: Any] != nil)
    }
}

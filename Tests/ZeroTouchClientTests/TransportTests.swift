import Foundation
import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCore

/// The Streamable HTTP transport: sessions, the protocol-version header, JSON and SSE answers.
@Suite("Streamable HTTP transport")
struct TransportTests {
    @Test("keeps the session id of initialize, sends it on every request and ends the session with DELETE")
    func sessions() async throws {
        let world = try MockWorld()
        world.update { $0.options.sessionID = "session-4f2a" }
        try await world.run { _ in
            let connection = try await world.connector().connect(to: world.mcpEndpoint)
            #expect(await connection.transport.sessionID == "session-4f2a")
            _ = try await connection.listTools()
            await connection.close()
            #expect(await connection.transport.sessionID == nil)
        }
        let requests = world.read(\.mcpRequests)
        let afterInitialize = requests.drop { $0.rpcMethod == "initialize" }
        #expect(afterInitialize.count == 3)
        #expect(afterInitialize.allSatisfy { $0.sessionID == "session-4f2a" })
        #expect(requests.last?.httpMethod == "DELETE")
        #expect(requests.last?.authorization?.hasPrefix("Bearer ") == true)
    }

    @Test("sends MCP-Protocol-Version with the negotiated version after initialize, not before")
    func protocolVersionHeader() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let connection = try await world.connector().connect(to: world.mcpEndpoint)
            #expect(await connection.transport.protocolVersion == Version.latest)
            _ = try await connection.listTools()
            await connection.close()
        }
        let requests = world.read(\.mcpRequests)
        #expect(requests.filter { $0.rpcMethod == "initialize" }.allSatisfy { $0.protocolVersion == nil })
        #expect(requests.filter { $0.rpcMethod != "initialize" }.allSatisfy { $0.protocolVersion == Version.latest })
    }

    @Test("reports an expired session as session_expired")
    func expiredSession() async throws {
        let world = try MockWorld()
        world.update { $0.options.sessionID = "session-1" }
        try await world.run { _ in
            let connection = try await world.connector().connect(to: world.mcpEndpoint)
            world.update { $0.options.sessionID = "session-2" }
            _ = await expectClientError(.sessionExpired) { _ = try await connection.listTools() }
            await connection.close()
        }
    }

    @Test("an unreachable server is a transport failure")
    func unreachable() async throws {
        let connector = MCPConnector(
            authorizer: EnterpriseAuthorizer(
                configuration: EnterpriseAuthorizationConfiguration(
                    identityProvider: IdentityProviderSettings(issuer: "http://127.0.0.1:1", credential: TokenEndpointCredential(clientID: "c")),
                    authorizationServers: AuthorizationServerCredentials()),
                identity: StaticIDToken("x")))
        let url = try await ClosedPort.url()
        _ = await expectClientError(.transportFailed) { _ = try await connector.connect(to: url) }
    }
}

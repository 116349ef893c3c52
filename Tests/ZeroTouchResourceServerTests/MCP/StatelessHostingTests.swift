import Foundation
import MCP
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Hosting a Swift MCP server, stateless JSON mode")
struct StatelessHostingTests {
    let fixture: RSFixture

    init() throws { fixture = try RSFixture() }

    @Test("the swift-sdk Client runs a session through the middleware with a bearer token")
    func sdkClient() async throws {
        let token = try fixture.token(scope: "files.read files.write")
        try await HostedServer.run(TestMCPServers.endpoint(.stateless), verifier: fixture.verifier) { url in
            let transport = HTTPClientTransport(endpoint: URL(string: url)!, streaming: false) { request in
                var request = request
                request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                return request
            }
            let client = Client(name: "sdk-test", version: "1.0.0")
            let initialize = try await client.connect(transport: transport)
            #expect(initialize.serverInfo.name == "test-files")
            let tools = try await client.listTools()
            #expect(tools.tools.map(\.name) == ["whoami", "write"])
            let (content, isError) = try await client.callTool(name: "write", arguments: ["text": .string("via sdk")])
            #expect(isError != true)
            guard case .text(let text, _, _) = content.first else {
                Issue.record("expected text content")
                return
            }
            #expect(text == "alice wrote via sdk")
            await client.disconnect()
        }
    }

    @Test("the swift-sdk Client without a token gets the 401 challenge")
    func sdkClientWithoutToken() async throws {
        try await HostedServer.run(TestMCPServers.endpoint(.stateless), verifier: fixture.verifier) { url in
            let client = Client(name: "sdk-test", version: "1.0.0")
            await #expect(throws: (any Error).self) {
                try await client.connect(transport: HTTPClientTransport(endpoint: URL(string: url)!, streaming: false))
            }
        }
    }

    @Test("initialize answers JSON announcing EMA, with no session; GET and DELETE are 405")
    func json() async throws {
        let token = try fixture.token()
        try await HostedServer.run(TestMCPServers.endpoint(.stateless), verifier: fixture.verifier) { url in
            var client = MCPTestClient(url: url)
            client.accept = "application/json"
            let initialize = try await client.post(MCPTestClient.initialize(), token: token)
            #expect(initialize.status == 200)
            #expect(initialize.contentType.hasPrefix("application/json"))
            #expect(initialize.sessionID == nil)
            #expect(initialize.result?["capabilities"]?["extensions"]?[EnterpriseManagedAuthorization.extensionID] == .object([:]))
            let call = try await client.post(MCPTestClient.callTool("whoami"), token: token)
            #expect(call.toolText?.hasPrefix("alice via client-1") == true)
            let status1 = try await client.send(.GET, token: token).status
            #expect(status1 == 405)
            let status2 = try await client.send(.DELETE, token: token).status
            #expect(status2 == 405)
        }
    }

    @Test("a batch cannot smuggle a tool call past its scope")
    func batch() async throws {
        let token = try fixture.token(scope: "files.read")
        try await HostedServer.run(TestMCPServers.endpoint(.stateless), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let batch = JSONValue.array([MCPTestClient.callTool("whoami", id: 1), MCPTestClient.callTool("write", arguments: ["text": .string("x")], id: 2)])
            let response = try await client.post(batch, token: token)
            #expect(response.status == 403)
        }
    }
}

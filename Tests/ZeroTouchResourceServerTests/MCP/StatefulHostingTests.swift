import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer

@Suite("Hosting a Swift MCP server, stateful mode (sessions, SSE, DELETE)")
struct StatefulHostingTests {
    let fixture: RSFixture

    init() throws { fixture = try RSFixture() }

    /// Initializes a session with `token` and returns its id.
    static func openSession(_ client: MCPTestClient, token: String) async throws -> String {
        let initialize = try await client.post(MCPTestClient.initialize(), token: token)
        #expect(initialize.status == 200)
        let sessionID = try #require(initialize.sessionID)
        let initialized = try await client.post(MCPTestClient.initialized, token: token, sessionID: sessionID)
        #expect(initialized.status == 202)
        return sessionID
    }

    @Test("a real session: initialize announces EMA, tools run as the verified caller, DELETE ends it")
    func session() async throws {
        let token = try fixture.token(scope: "files.read files.write")
        try await HostedServer.run(TestMCPServers.endpoint(.stateful), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let initialize = try await client.post(MCPTestClient.initialize(), token: token)
            #expect(initialize.contentType.hasPrefix("text/event-stream"))
            let extensions = initialize.result?["capabilities"]?["extensions"]?.objectValue
            #expect(extensions?[EnterpriseManagedAuthorization.extensionID] == .object([:]))
            #expect(initialize.result?["serverInfo"]?["name"]?.stringValue == "test-files")
            let sessionID = try #require(initialize.sessionID)
            #expect(sessionID.count == 64)
            _ = try await client.post(MCPTestClient.initialized, token: token, sessionID: sessionID)

            let list = try await client.post(MCPTestClient.listTools(), token: token, sessionID: sessionID)
            #expect(list.result?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["whoami", "write"])
            let whoami = try await client.post(MCPTestClient.callTool("whoami"), token: token, sessionID: sessionID)
            #expect(whoami.toolText?.hasPrefix("alice via client-1 jti=") == true)
            let write = try await client.post(MCPTestClient.callTool("write", arguments: ["text": .string("hello")]), token: token, sessionID: sessionID)
            #expect(write.toolText == "alice wrote hello")

            let delete = try await client.send(.DELETE, token: token, sessionID: sessionID)
            #expect(delete.status == 200)
            let after = try await client.post(MCPTestClient.callTool("whoami"), token: token, sessionID: sessionID)
            #expect(after.status == 404)
        }
    }

    @Test("a tool call without its scope: 403 insufficient_scope naming it, and the tool does not run")
    func underScoped() async throws {
        let token = try fixture.token(scope: "files.read")
        try await HostedServer.run(TestMCPServers.endpoint(.stateful), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let sessionID = try await Self.openSession(client, token: token)
            let write = try await client.post(MCPTestClient.callTool("write", arguments: ["text": .string("x")]), token: token, sessionID: sessionID)
            #expect(write.status == 403)
            #expect(write.headers.first(name: "WWW-Authenticate") == #"Bearer error="insufficient_scope", error_description="tool 'write' needs scope 'files.write'", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp", scope="files.write""#)
            #expect(write.toolText == nil)
        }
    }

    @Test("missing, expired and wrong-audience tokens are refused before MCP runs")
    func badTokens() async throws {
        let expired = try fixture.token(lifetime: 10) { $0["iat"] = .integer(1_899_999_000); $0["exp"] = .integer(1_899_999_100) }
        let foreign = try fixture.token { $0["aud"] = .string("https://other.example/mcp") }
        let idToken = try fixture.token(type: "JWT")
        try await HostedServer.run(TestMCPServers.endpoint(.stateful), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let missing = try await client.post(MCPTestClient.initialize(), token: nil)
            #expect(missing.status == 401)
            #expect(missing.headers.first(name: "WWW-Authenticate") == #"Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp", scope="files.read files.write""#)
            for token in [expired, foreign, idToken] {
                let refused = try await client.post(MCPTestClient.initialize(), token: token)
                #expect(refused.status == 401)
                #expect(refused.headers.first(name: "WWW-Authenticate")?.hasPrefix(#"Bearer error="invalid_token""#) == true)
                #expect(refused.sessionID == nil)
            }
        }
    }

    @Test("a session belongs to the user and client that opened it")
    func sessionOwnership() async throws {
        let alice = try fixture.token(subject: "alice")
        let bob = try fixture.token(subject: "bob")
        try await HostedServer.run(TestMCPServers.endpoint(.stateful), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let sessionID = try await Self.openSession(client, token: alice)
            let hijack = try await client.post(MCPTestClient.callTool("whoami"), token: bob, sessionID: sessionID)
            #expect(hijack.status == 404)
            let delete = try await client.send(.DELETE, token: bob, sessionID: sessionID)
            #expect(delete.status == 404)
            let owner = try await client.post(MCPTestClient.callTool("whoami"), token: alice, sessionID: sessionID)
            #expect(owner.toolText?.hasPrefix("alice") == true)
        }
    }

    @Test("requests without a session, or with an unknown one, are refused")
    func missingSession() async throws {
        let token = try fixture.token()
        try await HostedServer.run(TestMCPServers.endpoint(.stateful), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let withoutSession = try await client.post(MCPTestClient.callTool("whoami"), token: token)
            #expect(withoutSession.status == 400)
            let unknownSession = try await client.post(MCPTestClient.callTool("whoami"), token: token, sessionID: "nope")
            #expect(unknownSession.status == 404)
        }
    }

    @Test("malformed JSON gets a JSON-RPC parse error; an oversized body gets 413")
    func badBodies() async throws {
        let token = try fixture.token()
        try await HostedServer.run(TestMCPServers.endpoint(.stateful), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let garbage = try await client.send(.POST, body: Data("{not json".utf8), token: token)
            #expect(garbage.status == 400)
            #expect(garbage.error?["code"] == .integer(-32700))
            let huge = Data(repeating: UInt8(ascii: " "), count: 5 * 1024 * 1024)
            let oversized = try await client.send(.POST, body: huge, token: token)
            #expect(oversized.status == 413)
        }
    }

    @Test("a browser origin must be allowed")
    func origins() async throws {
        let token = try fixture.token()
        try await HostedServer.run(TestMCPServers.endpoint(.stateful), verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let evil = try await client.post(MCPTestClient.initialize(), token: token, headers: [("Origin", "https://evil.example")])
            #expect(evil.status == 403)
            let good = try await client.post(MCPTestClient.initialize(), token: token, headers: [("Origin", "https://app.example")])
            #expect(good.status == 200)
        }
    }

    @Test("idle sessions are closed after the idle timeout")
    func idleTimeout() async throws {
        let token = try fixture.token(lifetime: 7200)
        let endpoint = TestMCPServers.endpoint(.stateful, clock: fixture.clock, limits: MCPSessionLimits(maximumSessions: 10, idleTimeout: 60))
        try await HostedServer.run(endpoint, verifier: fixture.verifier) { url in
            let client = MCPTestClient(url: url)
            let sessionID = try await Self.openSession(client, token: token)
            fixture.clock.advance(by: 61)
            let status3 = try await client.post(MCPTestClient.callTool("whoami"), token: token, sessionID: sessionID).status
            #expect(status3 == 404)
            #expect(await endpoint.sessionCount == 0)
        }
    }
}

import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer
import ZeroTouchTesting

@Suite("The gateway in front of a stdio server spawned per session")
struct GatewayStdioUpstreamTests {
    let fixture: RSFixture

    init() throws { fixture = try RSFixture() }

    @Test("a session starts a process, runs tools as the verified user, and DELETE stops it", .timeLimit(.minutes(1)))
    func session() async throws {
        let script = try StdioServerScript.write()
        let audit = InMemoryAuditLog()
        let token = try GatewayHarness.token(fixture)
        try await GatewayHarness.run(upstream: .stdio(command: "python3", arguments: ["-u", script]), fixture: fixture, auditLog: audit) { url in
            let client = MCPTestClient(url: url)
            let initialize = try await client.post(MCPTestClient.initialize(), token: token)
            #expect(initialize.status == 200)
            #expect(initialize.contentType == "application/json")
            #expect(initialize.result?["serverInfo"]?["name"]?.stringValue == "stdio-upstream")
            #expect(initialize.result?["capabilities"]?["extensions"]?[EnterpriseManagedAuthorization.extensionID] == .object([:]))
            let sessionID = try #require(initialize.sessionID)
            let status4 = try await client.post(MCPTestClient.initialized, token: token, sessionID: sessionID).status
            #expect(status4 == 202)

            let whoami = try await client.post(MCPTestClient.callTool("whoami"), token: token, sessionID: sessionID)
            #expect(whoami.toolText == "user=alice client=client-1 leaked=none")
            let fail = try await client.post(MCPTestClient.callTool("fail", id: 9), token: token, sessionID: sessionID)
            #expect(fail.result?["isError"] == .bool(true))
            let list = try await client.post(MCPTestClient.listTools(), token: token, sessionID: sessionID)
            #expect(list.result?["tools"]?.arrayValue?.count == 2)

            let status5 = try await client.send(.GET, token: token, sessionID: sessionID).status
            #expect(status5 == 405)
            let status6 = try await client.send(.DELETE, token: token, sessionID: sessionID).status
            #expect(status6 == 200)
            let status7 = try await client.post(MCPTestClient.callTool("whoami"), token: token, sessionID: sessionID).status
            #expect(status7 == 404)
        }
        #expect(audit.all.map(\.outcome) == [.success, .failure])
        #expect(audit.all.first?.details["upstream"] == "stdio python3")
    }

    @Test("bad tokens and missing scopes are refused before any process runs the call")
    func refusals() async throws {
        let script = try StdioServerScript.write()
        let audit = InMemoryAuditLog()
        let valid = try GatewayHarness.token(fixture)
        let underScoped = try GatewayHarness.token(fixture, scope: "other")
        let expired = try GatewayHarness.token(fixture, lifetime: 10)
        let foreign = try fixture.token()
        try await GatewayHarness.run(upstream: .stdio(command: "python3", arguments: ["-u", script]), fixture: fixture, auditLog: audit) { url in
            let client = MCPTestClient(url: url)
            let status8 = try await client.post(MCPTestClient.initialize(), token: nil).status
            #expect(status8 == 401)
            let status9 = try await client.post(MCPTestClient.initialize(), token: foreign).status
            #expect(status9 == 401)
            let exchange10 = try await client.post(MCPTestClient.initialize(), token: valid)
            let sessionID = try #require(exchange10.sessionID)
            let refused = try await client.post(MCPTestClient.callTool("whoami"), token: underScoped, sessionID: sessionID)
            #expect(refused.status == 403)
            #expect(refused.headers.first(name: "WWW-Authenticate")?.contains(#"scope="calc.read""#) == true)
            fixture.clock.advance(by: 120)
            let status11 = try await client.post(MCPTestClient.callTool("whoami"), token: expired, sessionID: sessionID).status
            #expect(status11 == 401)
            let status12 = try await client.post(MCPTestClient.callTool("whoami"), token: valid, sessionID: "unknown").status
            #expect(status12 == 404)
            let status13 = try await client.post(MCPTestClient.callTool("whoami"), token: valid).status
            #expect(status13 == 400)
        }
        #expect(audit.all.map(\.outcome) == [.denied])
    }

    @Test("a command that cannot start is a 502")
    func missingCommand() async throws {
        let token = try GatewayHarness.token(fixture)
        try await GatewayHarness.run(upstream: .stdio(command: "/nonexistent/mcp-server", arguments: []), fixture: fixture, auditLog: InMemoryAuditLog()) { url in
            let status14 = try await MCPTestClient(url: url).post(MCPTestClient.initialize(), token: token).status
            #expect(status14 == 502)
        }
    }
}

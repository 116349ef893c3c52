import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer
import ZeroTouchTesting

@Suite("The gateway in front of a Streamable HTTP server")
struct GatewayHTTPUpstreamTests {
    let fixture: RSFixture

    init() throws { fixture = try RSFixture() }

    @Test("SSE upstream: a session passes through, identity is forwarded, the token is not, calls are audited", .timeLimit(.minutes(1)))
    func sseSession() async throws {
        let upstream = PlainMCPUpstream(stateful: true)
        let audit = InMemoryAuditLog()
        let token = try GatewayHarness.token(fixture)
        let jti = Self.jti(of: token)
        try await upstream.run { upstreamURL in
            try await GatewayHarness.run(upstream: .http(URL(string: upstreamURL)!), fixture: fixture, auditLog: audit) { url in
                let client = MCPTestClient(url: url)
                let initialize = try await client.post(MCPTestClient.initialize(), token: token)
                #expect(initialize.status == 200)
                #expect(initialize.contentType.hasPrefix("text/event-stream"))
                #expect(initialize.result?["capabilities"]?["extensions"]?[EnterpriseManagedAuthorization.extensionID] == .object([:]))
                #expect(initialize.result?["serverInfo"]?["name"]?.stringValue == "plain-upstream")
                let sessionID = try #require(initialize.sessionID)
                let status15 = try await client.post(MCPTestClient.initialized, token: token, sessionID: sessionID).status
                #expect(status15 == 202)

                let whoami = try await client.post(
                    MCPTestClient.callTool("whoami"), token: token, sessionID: sessionID, headers: [("X-ZeroTouch-User", "mallory")])
                #expect(whoami.contentType.hasPrefix("text/event-stream"))
                #expect(whoami.toolText == "user=alice client=client-1 jti=\(jti ?? "") scope=calc.read authorization=absent")

                let fail = try await client.post(MCPTestClient.callTool("fail", id: 5), token: token, sessionID: sessionID)
                #expect(fail.result?["isError"] == .bool(true))

                let status16 = try await client.send(.DELETE, token: token, sessionID: sessionID).status
                #expect(status16 == 200)
                let status17 = try await client.post(MCPTestClient.callTool("whoami"), token: token, sessionID: sessionID).status
                #expect(status17 == 404)
            }
        }
        let records = audit.all
        #expect(records.map(\.outcome) == [.success, .failure])
        let first = try #require(records.first)
        #expect(first.service == "gateway")
        #expect(first.event == "tool.call")
        #expect(first.subject == "alice")
        #expect(first.clientID == "client-1")
        #expect(first.details["tool"] == "whoami")
        #expect(first.correlationID == jti)
        #expect(first.details["idjag_jti"] != nil)
        #expect(records.last?.reason == "tool_error")
    }

    @Test("JSON upstream: stateless request and response pass through")
    func jsonUpstream() async throws {
        let upstream = PlainMCPUpstream(stateful: false)
        let audit = InMemoryAuditLog()
        let token = try GatewayHarness.token(fixture)
        try await upstream.run { upstreamURL in
            try await GatewayHarness.run(upstream: .http(URL(string: upstreamURL)!), fixture: fixture, auditLog: audit) { url in
                var client = MCPTestClient(url: url)
                client.accept = "application/json"
                let initialize = try await client.post(MCPTestClient.initialize(), token: token)
                #expect(initialize.contentType.hasPrefix("application/json"))
                #expect(initialize.result?["capabilities"]?["extensions"]?[EnterpriseManagedAuthorization.extensionID] == .object([:]))
                let whoami = try await client.post(MCPTestClient.callTool("whoami"), token: token)
                #expect(whoami.toolText?.hasPrefix("user=alice client=client-1") == true)
            }
        }
        #expect(audit.all.map(\.outcome) == [.success])
    }

    @Test("under-scoped and unlisted tools are refused, audited as denied, and never reach the upstream")
    func refusals() async throws {
        let upstream = PlainMCPUpstream(stateful: false)
        let audit = InMemoryAuditLog()
        let underScoped = try GatewayHarness.token(fixture, scope: "other")
        let valid = try GatewayHarness.token(fixture)
        try await upstream.run { upstreamURL in
            try await GatewayHarness.run(upstream: .http(URL(string: upstreamURL)!), fixture: fixture, auditLog: audit) { url in
                var client = MCPTestClient(url: url)
                client.accept = "application/json"
                let refused = try await client.post(MCPTestClient.callTool("whoami"), token: underScoped)
                #expect(refused.status == 403)
                #expect(refused.headers.first(name: "WWW-Authenticate") == #"Bearer error="insufficient_scope", error_description="tool 'whoami' needs scope 'calc.read'", resource_metadata="https://gateway.example/.well-known/oauth-protected-resource/mcp", scope="calc.read""#)
                let unlisted = try await client.post(MCPTestClient.callTool("secret"), token: valid)
                #expect(unlisted.status == 200)
                #expect(unlisted.error?["code"] == .integer(-32601))
            }
        }
        #expect(upstream.callCount == 0)
        #expect(audit.all.map(\.outcome) == [.denied, .denied])
        #expect(audit.all.map { $0.details["tool"] } == ["whoami", "secret"])
    }

    @Test("missing, expired, wrong-audience tokens and ID-JAGs get their challenge and nothing is forwarded")
    func badTokens() async throws {
        let upstream = PlainMCPUpstream(stateful: false)
        let audit = InMemoryAuditLog()
        let expired = try GatewayHarness.token(fixture) { $0["exp"] = .integer(1_899_999_000); $0["iat"] = .integer(1_899_998_900) }
        let foreign = try fixture.token()
        let idJAG = try fixture.factory.makeAccessToken(resource: GatewayHarness.resource, issuedAt: RSFixture.now, type: "oauth-id-jag+jwt")
        try await upstream.run { upstreamURL in
            try await GatewayHarness.run(upstream: .http(URL(string: upstreamURL)!), fixture: fixture, auditLog: audit) { url in
                let client = MCPTestClient(url: url)
                let missing = try await client.post(MCPTestClient.callTool("whoami"), token: nil)
                #expect(missing.status == 401)
                #expect(missing.headers.first(name: "WWW-Authenticate") == #"Bearer resource_metadata="https://gateway.example/.well-known/oauth-protected-resource/mcp", scope="calc.read""#)
                for token in [expired, foreign, idJAG] {
                    let refused = try await client.post(MCPTestClient.callTool("whoami"), token: token)
                    #expect(refused.status == 401)
                    #expect(refused.headers.first(name: "WWW-Authenticate")?.hasPrefix(#"Bearer error="invalid_token""#) == true)
                }
                let query = try await client.send(.POST, body: Data("{}".utf8), token: nil, headers: [])
                #expect(query.status == 401)
            }
        }
        #expect(upstream.callCount == 0)
        #expect(audit.all.isEmpty)
    }

    @Test("another user's token cannot use a session")
    func sessionOwnership() async throws {
        let upstream = PlainMCPUpstream(stateful: true)
        let alice = try GatewayHarness.token(fixture, subject: "alice")
        let bob = try GatewayHarness.token(fixture, subject: "bob")
        try await upstream.run { upstreamURL in
            try await GatewayHarness.run(upstream: .http(URL(string: upstreamURL)!), fixture: fixture, auditLog: InMemoryAuditLog()) { url in
                let client = MCPTestClient(url: url)
                let exchange18 = try await client.post(MCPTestClient.initialize(), token: alice)
                let sessionID = try #require(exchange18.sessionID)
                let status19 = try await client.post(MCPTestClient.callTool("whoami"), token: bob, sessionID: sessionID).status
                #expect(status19 == 404)
                let status20 = try await client.send(.DELETE, token: bob, sessionID: sessionID).status
                #expect(status20 == 404)
            }
        }
    }

    @Test("an unreachable upstream is a 502 and the call is audited as failed")
    func unreachable() async throws {
        let audit = InMemoryAuditLog()
        let token = try GatewayHarness.token(fixture)
        try await GatewayHarness.run(upstream: .http(URL(string: "http://127.0.0.1:9/mcp")!), fixture: fixture, auditLog: audit) { url in
            let client = MCPTestClient(url: url)
            let status21 = try await client.post(MCPTestClient.callTool("whoami"), token: token).status
            #expect(status21 == 502)
        }
        #expect(audit.all.map(\.reason) == ["upstream_unreachable"])
    }

    static func jti(of token: String) -> String? {
        let payload = token.split(separator: ".")[1]
        var base64 = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let object = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        return object["jti"]?.stringValue
    }
}

import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore

/// The notes server knows no OAuth; the gateway in front of it does everything.
@Suite("Gateway path")
struct GatewayTests {
    @Test("without a token the gateway answers 401 with a resource_metadata challenge, and the upstream sees nothing")
    func challengesWithoutToken() async throws {
        try await DevFixture.run { fixture in
            var request = HTTPClientRequest(url: fixture.topology.notesResource.rawValue)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(.init(string: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(response.status.code == 401)
            let challenge = try #require(response.headers.first(name: "WWW-Authenticate"))
            let metadata = "http://127.0.0.1:\(fixture.topology.ports.gateway)/.well-known/oauth-protected-resource/mcp"
            #expect(challenge.contains("resource_metadata=\"\(metadata)\""))
        }
    }

    @Test("a note written through the gateway names the user it vouched for, and its audit record joins the IdP's grant")
    func identityAndAuditThroughTheGateway() async throws {
        try await DevFixture.run { fixture in
            let alice = try await fixture.signIn("alice")
            let notes = try await alice.connect(to: .notes)
            let note = try await ToolCalls.object(notes, "add_note", ["title": "via gateway", "text": "hello"])
            await notes.close()
            let author = try #require(note["author"] as? String)
            let trail = try #require(try await DevAuditTrail.ofLatestToolCall(on: fixture.topology.notesResource, in: fixture.auditLog))
            #expect(trail.exchange.subject == alice.credentials.identity.subject.rawValue)
            #expect(trail.redemption.subject == author, "the X-ZeroTouch-User header carries the access token's sub")
            #expect(trail.toolCalls.map { $0.details["tool"] } == ["add_note"])
            #expect(trail.toolCalls.first?.outcome == .success)
        }
    }

    @Test("the gateway enforces its tool scopes: marketing reads notes but cannot add one")
    func gatewayEnforcesToolScopes() async throws {
        try await DevFixture.run { fixture in
            let maya = try await fixture.signIn("maya")
            let notes = try await maya.connect(to: .notes)
            _ = try await ToolCalls.call(notes, "list_notes")
            let error = try await #require(throws: ZeroTouchClientError.self) {
                _ = try await ToolCalls.call(notes, "add_note", ["title": "not allowed", "text": "-"])
            }
            #expect(error.code == .insufficientScope)
            await notes.close()
        }
    }
}

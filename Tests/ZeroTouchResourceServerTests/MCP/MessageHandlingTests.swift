import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer

@Suite("JSON-RPC inspection, SSE reassembly and the EMA capability")
struct MessageHandlingTests {
    @Test("SSE events are reassembled across chunks and line-ending styles")
    func sseReassembly() throws {
        var buffer = SSEEventBuffer()
        var events = try buffer.append(Array("id: 1\r\nevent: message\r\ndata: {\"a\"".utf8))
        #expect(events.isEmpty)
        events = try buffer.append(Array(":1}\r".utf8))
        #expect(events.isEmpty)
        events = try buffer.append(Array("\n\r\ndata: second\n\n".utf8))
        #expect(events.map(\.data) == [#"{"a":1}"#, "second"])
        #expect(events.first?.lines == ["id: 1", "event: message", #"data: {"a":1}"#])
        #expect(buffer.finish() == nil)
    }

    @Test("an event over the cap is an error")
    func sseCap() {
        var buffer = SSEEventBuffer(maximumEventBytes: 16)
        #expect(throws: SSEEventBuffer.EventTooLarge.self) { try buffer.append(Array(String(repeating: "x", count: 17).utf8)) }
    }

    @Test("replacing data keeps the other fields")
    func replaceData() {
        var event = SSEEvent(lines: ["id: 7", "data: a", "data: b", "retry: 10"])
        #expect(event.data == "a\nb")
        event.replaceData(with: "c")
        #expect(event.lines == ["id: 7", "data: c", "retry: 10"])
        #expect(String(decoding: event.serialized, as: UTF8.self) == "id: 7\ndata: c\nretry: 10\n\n")
    }

    @Test("the initialize result gains capabilities.extensions, other responses are untouched")
    func announce() throws {
        let initialize = Data(#"{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25","capabilities":{"tools":{}},"serverInfo":{"name":"s","version":"1"}}}"#.utf8)
        let edited = try JSONDecoder().decode(JSONValue.self, from: EnterpriseAuthorizationExtension.announce(in: initialize, initializeIDs: [.integer(1)]))
        #expect(edited["result"]?["capabilities"]?["extensions"] == .object([EnterpriseManagedAuthorization.extensionID: .object([:])]))
        #expect(edited["result"]?["capabilities"]?["tools"] == .object([:]))
        let other = Data(#"{"jsonrpc":"2.0","id":2,"result":{}}"#.utf8)
        #expect(EnterpriseAuthorizationExtension.announce(in: other, initializeIDs: [.integer(1)]) == other)
        let error = Data(#"{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"x"}}"#.utf8)
        #expect(EnterpriseAuthorizationExtension.announce(in: error, initializeIDs: [.integer(1)]) == error)
    }

    @Test("a body is parsed once: kinds, tool names, initialize ids; junk is refused")
    func body() throws {
        let body = try JSONRPCBody(parsing: Data(#"[{"jsonrpc":"2.0","id":"a","method":"initialize","params":{}},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"write"}}]"#.utf8))
        #expect(body.isBatch)
        #expect(body.initializeIDs == [.string("a")])
        #expect(body.messages.map(\.toolName) == [nil, nil, "write"])
        #expect(body.messages[1].isRequest == false)
        #expect(throws: JSONRPCBody.Rejection.parseError) { try JSONRPCBody(parsing: Data("{".utf8)) }
        #expect(throws: JSONRPCBody.Rejection.invalidRequest) { try JSONRPCBody(parsing: Data("[]".utf8)) }
        #expect(throws: JSONRPCBody.Rejection.invalidRequest) { try JSONRPCBody(parsing: Data("[1]".utf8)) }
        #expect(throws: JSONRPCBody.Rejection.invalidRequest) { try JSONRPCBody(parsing: Data("\"x\"".utf8)) }
    }

    @Test("a repeated member name cannot make the checked and the forwarded tool differ")
    func canonicalForwarding() throws {
        let body = try JSONRPCBody(parsing: Data(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read","name":"write"}}"#.utf8))
        let forwarded = try JSONRPCBody(parsing: body.encoded())
        #expect(forwarded.messages[0].toolName == body.messages[0].toolName)
    }

    @Test("the tool policy decides per tool, unlisted tools by rule")
    func toolPolicy() {
        let policy = ToolScopePolicy(toolScopes: ["read": ["r"], "write": ["w"]])
        #expect(policy.requirement(forTool: "read") == .scope(["r"]))
        #expect(policy.requirement(forTool: "other") == .denied)
        #expect(ToolScopePolicy(toolScopes: [:], unlistedTools: .require(["x"])).requirement(forTool: "other") == .scope(["x"]))
        #expect(policy.allScopes == ["r", "w"])
    }

    @Test("identity header values cannot break a header")
    func identityHeaders() throws {
        #expect(IdentityHeaders.headerSafe("alice") == "alice")
        #expect(IdentityHeaders.headerSafe("a\r\nX-Evil: 1") == "a%0D%0AX-Evil: 1")
        #expect(IdentityHeaders.headerSafe("zoë%") == "zo%C3%AB%25")
    }
}

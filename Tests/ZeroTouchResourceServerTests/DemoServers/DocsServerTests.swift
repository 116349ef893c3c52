import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchDemoServers
import ZeroTouchResourceServer

@Suite("The docs demo server")
struct DocsServerTests {
    let fixture: RSFixture

    init() throws { fixture = try RSFixture() }

    @Test("write, read and search pages; every version records its author")
    func pages() async throws {
        let alice = try fixture.token(subject: "alice", scope: "docs.read docs.write")
        let maya = try fixture.token(subject: "maya", scope: "docs.read docs.write")
        let directory = DemoHarness.temporaryDirectory()
        try await DemoHarness.run(.docs, mode: .stateless, fixture: fixture, directory: directory) { url in
            var client = MCPTestClient(url: url)
            client.accept = "application/json"
            let first = try await client.post(
                MCPTestClient.callTool("write_page", arguments: ["slug": .string("launch"), "title": .string("Launch"), "body": .string("Ship it")]), token: alice)
            #expect(first.structured?["version"] == .integer(1))
            let second = try await client.post(
                MCPTestClient.callTool("write_page", arguments: ["slug": .string("launch"), "title": .string("Launch plan"), "body": .string("Ship it Monday")]), token: maya)
            #expect(second.structured?["version"] == .integer(2))
            #expect(second.structured?["created_by"] == .string("alice"))
            #expect(second.structured?["updated_by"] == .string("maya"))

            let read = try await client.post(MCPTestClient.callTool("read_page", arguments: ["slug": .string("launch")]), token: alice)
            #expect(read.structured?["body"] == .string("Ship it Monday"))
            let search = try await client.post(MCPTestClient.callTool("search_docs", arguments: ["query": .string("monday")]), token: alice)
            #expect(search.structured?["pages"]?.arrayValue?.first?["slug"] == .string("launch"))
            let badSlug = try await client.post(
                MCPTestClient.callTool("write_page", arguments: ["slug": .string("../etc"), "title": .string("x"), "body": .string("y")]), token: alice)
            #expect(badSlug.toolText == "'slug' may contain only a-z, 0-9 and dashes")
        }
        #expect(try await DocStore(directory: directory).revisionAuthors("launch") == ["alice", "maya"])
    }

    @Test("writing needs docs.write")
    func writeNeedsScope() async throws {
        let reader = try fixture.token(scope: "docs.read")
        try await DemoHarness.run(.docs, mode: .stateful, fixture: fixture) { url in
            let client = MCPTestClient(url: url)
            let session = try await StatefulHostingTests.openSession(client, token: reader)
            let write = try await client.post(
                MCPTestClient.callTool("write_page", arguments: ["slug": .string("a"), "title": .string("A"), "body": .string("b")]), token: reader, sessionID: session)
            #expect(write.status == 403)
            let read = try await client.post(MCPTestClient.callTool("read_page", arguments: ["slug": .string("a")]), token: reader, sessionID: session)
            #expect(read.toolText == "no page 'a'")
        }
    }
}

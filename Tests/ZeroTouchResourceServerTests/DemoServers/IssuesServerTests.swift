import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchDemoServers
import ZeroTouchResourceServer

@Suite("The issues demo server")
struct IssuesServerTests {
    let fixture: RSFixture

    init() throws { fixture = try RSFixture() }

    @Test("open, comment, search, list and close issues, each recording the verified user", .timeLimit(.minutes(1)))
    func lifecycle() async throws {
        let alice = try fixture.token(subject: "alice", scope: "issues.read issues.write")
        let bob = try fixture.token(subject: "bob", scope: "issues.read issues.write")
        let directory = DemoHarness.temporaryDirectory()
        try await DemoHarness.run(.issues, mode: .stateful, fixture: fixture, directory: directory) { url in
            let client = MCPTestClient(url: url)
            let aliceSession = try await StatefulHostingTests.openSession(client, token: alice)
            let bobSession = try await StatefulHostingTests.openSession(client, token: bob)

            let created = try await client.post(
                MCPTestClient.callTool("create_issue", arguments: ["title": .string("Login page is slow"), "body": .string("Takes 5 s")]),
                token: alice, sessionID: aliceSession)
            #expect(created.structured?["created_by"] == .string("alice"))
            let id = try #require(created.structured?["id"])

            let comment = try await client.post(
                MCPTestClient.callTool("comment_on_issue", arguments: ["issue_id": id, "body": .string("Reproduced")]), token: bob, sessionID: bobSession)
            #expect(comment.structured?["author"] == .string("bob"))

            let search = try await client.post(MCPTestClient.callTool("search_issues", arguments: ["query": .string("slow")]), token: bob, sessionID: bobSession)
            #expect(search.structured?["issues"]?.arrayValue?.count == 1)
            let none = try await client.post(MCPTestClient.callTool("search_issues", arguments: ["query": .string("100%")]), token: bob, sessionID: bobSession)
            #expect(none.structured?["issues"]?.arrayValue?.isEmpty == true)

            let closed = try await client.post(MCPTestClient.callTool("close_issue", arguments: ["issue_id": id]), token: bob, sessionID: bobSession)
            #expect(closed.structured?["state"] == .string("closed"))
            #expect(closed.structured?["closed_by"] == .string("bob"))

            let open = try await client.post(MCPTestClient.callTool("list_issues", arguments: ["state": .string("open")]), token: alice, sessionID: aliceSession)
            #expect(open.structured?["issues"]?.arrayValue?.isEmpty == true)
            let read = try await client.post(MCPTestClient.callTool("get_issue", arguments: ["issue_id": id]), token: alice, sessionID: aliceSession)
            #expect(read.structured?["comments"]?.arrayValue?.first?["author"] == .string("bob"))
            let missing = try await client.post(MCPTestClient.callTool("get_issue", arguments: ["issue_id": .integer(999)]), token: alice, sessionID: aliceSession)
            #expect(missing.result?["isError"] == .bool(true))
            #expect(missing.toolText == "no issue #999")
        }
        let reopened = try IssueStore(directory: directory)
        let all = try await reopened.list(state: nil, limit: 10)
        #expect(all.map(\.createdBy) == ["alice"])
        #expect(all.first?.closedBy == "bob")
    }

    @Test("a read-only token can list but not create; nothing is written")
    func readOnly() async throws {
        let reader = try fixture.token(subject: "carol", scope: "issues.read")
        let directory = DemoHarness.temporaryDirectory()
        try await DemoHarness.run(.issues, mode: .stateless, fixture: fixture, directory: directory) { url in
            var client = MCPTestClient(url: url)
            client.accept = "application/json"
            let list = try await client.post(MCPTestClient.callTool("list_issues"), token: reader)
            #expect(list.status == 200)
            let create = try await client.post(MCPTestClient.callTool("create_issue", arguments: ["title": .string("x")]), token: reader)
            #expect(create.status == 403)
            #expect(create.headers.first(name: "WWW-Authenticate")?.contains(#"scope="issues.write""#) == true)
        }
        #expect(try await IssueStore(directory: directory).list(state: nil, limit: 10).isEmpty)
    }

    @Test("bad arguments are tool errors the caller sees")
    func badArguments() async throws {
        let writer = try fixture.token(scope: "issues.write")
        try await DemoHarness.run(.issues, mode: .stateless, fixture: fixture) { url in
            var client = MCPTestClient(url: url)
            client.accept = "application/json"
            let empty = try await client.post(MCPTestClient.callTool("create_issue", arguments: ["title": .string("  ")]), token: writer)
            #expect(empty.toolText == "'title' must not be empty")
            let wrongID = try await client.post(MCPTestClient.callTool("close_issue", arguments: ["issue_id": .string("abc")]), token: writer)
            #expect(wrongID.result?["isError"] == .bool(true))
        }
    }
}

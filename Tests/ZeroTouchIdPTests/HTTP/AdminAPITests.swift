import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Admin API")
struct AdminAPITests {
    @Test("every admin route needs an admin token; a wrong one is a 401")
    func authentication() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.registry.createAdminToken(name: "ops", by: IdPFixture.admin)
        try await fixture.application().test(.router) { client in
            let none = try await client.executeRequest(uri: "/admin/api/users", method: .get, headers: [:], body: nil)
            #expect(none.status == .unauthorized)
            let wrong = try await client.executeRequest(
                uri: "/admin/api/users", method: .get, headers: HTTPTest.jsonHeaders(bearer: token.summary.id + ".wrong"), body: nil)
            #expect(wrong.status == .unauthorized)
            let right = try await client.executeRequest(uri: "/admin/api/users", method: .get, headers: HTTPTest.jsonHeaders(bearer: token.value), body: nil)
            #expect(right.status == .ok)
            #expect(!HTTPTest.text(right.body).contains("passwordHash") && !HTTPTest.text(right.body).contains("$2"))
        }
    }

    @Test("changes through the API are applied, audited with the token's name, and show a client secret once")
    func changes() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.registry.createAdminToken(name: "ops", by: IdPFixture.admin).value
        try await fixture.application().test(.router) { client in
            let user = try await client.executeRequest(
                uri: "/admin/api/users", method: .post, headers: HTTPTest.jsonHeaders(bearer: token),
                body: ByteBuffer(string: #"{"username":"erin","displayName":"Erin","password":"a long password"}"#))
            #expect(user.status == .created)
            #expect(fixture.registry.snapshot.user(username: "erin") != nil)

            let clientBody = #"{"id":"agent","name":"Agent","method":"client_secret_basic","serverClientIDs":{"s-files":"agent-at-files"}}"#
            let created = try await client.executeRequest(
                uri: "/admin/api/clients", method: .post, headers: HTTPTest.jsonHeaders(bearer: token), body: ByteBuffer(string: clientBody))
            #expect(created.status == .created)
            let secret = try #require(try HTTPTest.json(created.body)["clientSecret"]?.stringValue)
            let stored = try #require(fixture.registry.snapshot.client("agent")?.credentials.secretHash)
            #expect(!stored.contains(secret))
            let listed = try await client.executeRequest(uri: "/admin/api/clients/agent", method: .get, headers: HTTPTest.jsonHeaders(bearer: token), body: nil)
            #expect(!HTTPTest.text(listed.body).contains(secret) && !HTTPTest.text(listed.body).contains(stored))

            let duplicate = try await client.executeRequest(
                uri: "/admin/api/clients", method: .post, headers: HTTPTest.jsonHeaders(bearer: token), body: ByteBuffer(string: clientBody))
            #expect(duplicate.status == .conflict)
            let invalid = try await client.executeRequest(
                uri: "/admin/api/users", method: .post, headers: HTTPTest.jsonHeaders(bearer: token), body: ByteBuffer(string: #"{"username":"x"}"#))
            #expect(invalid.status == .badRequest)
            #expect(try HTTPTest.json(invalid.body)["error"] == .string("invalid_request"))

            let audit = try await client.executeRequest(
                uri: "/admin/api/audit?event=admin.&actor=ops&limit=10", method: .get, headers: HTTPTest.jsonHeaders(bearer: token), body: nil)
            let records = try #require(try HTTPTest.json(audit.body)["records"]?.arrayValue)
            #expect(records.compactMap { $0["event"]?.stringValue } == ["admin.client.create", "admin.user.create"])
            #expect(!HTTPTest.text(audit.body).contains(secret) && !HTTPTest.text(audit.body).contains("a long password"))
        }
    }

    @Test("explain answers the decision and the rules that made it")
    func explain() async throws {
        let fixture = try await IdPFixture.make()
        let token = try await fixture.registry.createAdminToken(name: "ops", by: IdPFixture.admin).value
        try await fixture.application().test(.router) { client in
            let body = #"{"user":"carol","client":"cli","server":"https://files.example.com/mcp"}"#
            let response = try await client.executeRequest(
                uri: "/admin/api/explain", method: .post, headers: HTTPTest.jsonHeaders(bearer: token), body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            let explanation = try JSONDecoder().decode(ExplanationView.self, from: Data(response.body.readableBytesView))
            #expect(explanation.decision == "deny" && explanation.error == "access_denied" && explanation.decidingRules == ["r-deny-carol"])
            let bad = try await client.executeRequest(
                uri: "/admin/api/audit?outcome=maybe", method: .get, headers: HTTPTest.jsonHeaders(bearer: token), body: nil)
            #expect(bad.status == .badRequest)
        }
    }
}

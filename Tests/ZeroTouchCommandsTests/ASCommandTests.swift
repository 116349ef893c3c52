import Foundation
import Testing
import ZeroTouchCommands

/// `zerotouch as …` admin commands over a temporary SQLite data directory.
@Suite("zerotouch as")
struct ASCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zt-as-cli-\(UUID().uuidString)")
    var harness: CommandHarness { CommandHarness(environment: ["ZEROTOUCH_DATA_DIRECTORY": directory.path, "USER": "tester"]) }

    @Test("trust, resource, client and user commands configure the registry and are audited")
    func configure() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try await harness.run(["as", "trust", "add", "https://idp.example", "--users", "create", "--algorithm", "ES256"]).exitCode == 0)
        #expect(try await harness.run(["as", "resource", "add", "https://mcp.example/mcp", "--scope", "files:read"]).exitCode == 0)
        let client = try await harness.run(["as", "client", "add", "c1", "--resource", "https://mcp.example/mcp", "--method", "client_secret_post"])
        #expect(client.output.contains("client_secret: "))
        #expect(try await harness.run(["as", "users", "create", "--id", "alice", "--issuer", "https://idp.example", "--sub", "123"]).exitCode == 0)
        #expect(try await harness.run(["as", "client", "disable", "c1"]).exitCode == 0)

        let clients = try await harness.run(["as", "client", "list"]).output
        #expect(clients.contains("\"disabled\" : true") && !clients.contains("zt-hmac"))
        let trust = try await harness.run(["as", "trust", "list"]).output
        #expect(trust.contains("\"user_mapping\" : \"create\""))
        let users = try await harness.run(["as", "users", "list"]).output
        #expect(users.contains("\"sub\" : \"123\""))
        let audit = try await harness.run(["as", "audit", "--event", "admin."]).output
        #expect(audit.contains("admin.client.disable success actor=cli:tester client=c1"))
        #expect(audit.contains("admin.trust.create"))
    }

    @Test("invalid values are refused with the reason")
    func refused() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: (any Error).self) { try await harness.run(["as", "trust", "add", "http://idp.example"]) }
        await #expect(throws: (any Error).self) { try await harness.run(["as", "client", "add", "c2", "--resource", "https://nowhere.example"]) }
    }

    @Test("admin tokens are printed once and listed by id")
    func adminTokens() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = try await harness.run(["as", "admin-token", "create", "--name", "ops"]).output
        #expect(token.hasPrefix("adm-") && token.contains("."))
        let listing = try await harness.run(["as", "admin-token", "list"]).output
        #expect(listing.contains("ops") && !listing.contains(String(token.split(separator: ".")[1])))
    }
}

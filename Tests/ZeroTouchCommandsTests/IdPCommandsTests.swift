import Foundation
import Testing
import ZeroTouchCommands

/// `zerotouch admin …` and `zerotouch keys …` for the identity provider, over a temporary SQLite data directory.
@Suite("zerotouch admin (identity provider)")
struct IdPCommandsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zt-idp-cli-\(UUID().uuidString)")
    var harness: CommandHarness {
        CommandHarness(environment: [
            "ZEROTOUCH_DATA_DIRECTORY": directory.path, "USER": "tester", "ZEROTOUCH_IDP_BCRYPT_COST": "10",
            "NEW_PASSWORD": "a long enough password",
        ])
    }

    @Test("users, groups, resources, clients and policies are configured, explained and audited; secrets are shown once")
    func configure() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try await harness.run(["admin", "users", "create", "--username", "alice", "--display-name", "Alice", "--password-env", "NEW_PASSWORD"])
        #expect(created.exitCode == 0 && created.output.contains("\"username\" : \"alice\"") && !created.output.contains("passwordHash"))
        let generated = try await harness.run(["admin", "users", "create", "--username", "bob", "--display-name", "Bob"])
        #expect(generated.output.contains("password (shown once): "))
        #expect(try await harness.run(["admin", "groups", "create", "--name", "eng"]).exitCode == 0)
        #expect(try await harness.run(["admin", "groups", "add-member", "eng", "alice"]).exitCode == 0)
        #expect(
            try await harness.run([
                "admin", "resources", "create", "--id", "files", "--name", "Files", "--resource", "https://files.example.com/mcp",
                "--authorization-server", "https://auth.files.example.com", "--scope", "read=Read files", "--scope", "write",
            ]).exitCode == 0)
        let client = try await harness.run([
            "admin", "clients", "create", "--id", "cli", "--name", "CLI", "--redirect-uri", "http://127.0.0.1/callback", "--type", "native",
            "--server-client", "files=cli-at-files",
        ])
        #expect(client.output.contains("client_secret (shown once): ") && !client.output.contains("zt-hmac"))
        #expect(
            try await harness.run(["admin", "policies", "create", "--id", "eng-files", "--name", "eng reads files", "--effect", "allow", "--group", "eng",
                "--server", "files", "--scope", "read"]).exitCode == 0)

        let explained = try await harness.run(["admin", "explain", "--user", "alice", "--client", "cli", "--server", "https://files.example.com/mcp"])
        #expect(explained.output.contains("\"decision\" : \"allow\"") && explained.output.contains("\"scope\" : \"read\""))
        let denied = try await harness.run(["admin", "explain", "--user", "bob", "--client", "cli", "--server", "files"])
        #expect(denied.output.contains("\"reason\" : \"no_matching_allow_rule\""))

        let audit = try await harness.run(["admin", "audit", "--event", "admin.", "--limit", "20"]).output
        for event in ["admin.user.create", "admin.group.add_member", "admin.server.create", "admin.client.create", "admin.policy.create"] {
            #expect(audit.contains(event))
        }
        #expect(audit.contains("\"actor\" : \"cli:tester\"") && !audit.contains("a long enough password"))
        let clients = try await harness.run(["admin", "clients", "list"]).output
        #expect(clients.contains("cli-at-files") && !clients.contains("zt-hmac"))
    }

    @Test("admin tokens are printed once; keys rotate keeps the old key published")
    func tokensAndKeys() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = try await harness.run(["admin", "tokens", "create", "--name", "ops"]).output
        let value = try #require(token.components(separatedBy: "token (shown once): ").last)
        let listing = try await harness.run(["admin", "tokens", "list"]).output
        #expect(listing.contains("ops") && !listing.contains(String(value.split(separator: ".").last ?? "-")))

        _ = try await harness.run(["keys", "list"])
        let rotated = try await harness.run(["keys", "rotate"])
        #expect(rotated.output.contains("new signing key") && rotated.output.contains("3660 s"))
        let keys = try await harness.run(["keys", "list"]).output
        #expect(keys.components(separatedBy: "\"kid\"").count == 3)
    }

    @Test("invalid input is refused with the reason and changes nothing")
    func refused() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: (any Error).self) {
            try await harness.run(["admin", "users", "create", "--username", "no spaces", "--display-name", "X", "--password-env", "NEW_PASSWORD"])
        }
        await #expect(throws: (any Error).self) {
            try await harness.run(["admin", "resources", "create", "--name", "Bad", "--resource", "http://files.example.com/mcp", "--authorization-server",
                "https://as.example.com"])
        }
        #expect(!(try await harness.run(["admin", "users", "list"]).output.contains("username")))
    }

    @Test("a non-loopback listener without idp.issuer is a configuration error")
    func issuerRequired() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var harness = harness
        harness.environment["ZEROTOUCH_SERVER_HOST"] = "0.0.0.0"
        harness.environment["ZEROTOUCH_SECURITY_ALLOW_INSECURE_HTTP"] = "true"
        await #expect(throws: (any Error).self) { try await harness.run(["admin", "users", "list"]) }
        harness.environment["ZEROTOUCH_IDP_ISSUER"] = "https://idp.example.com"
        #expect(try await harness.run(["admin", "users", "list"]).exitCode == 0)
    }
}

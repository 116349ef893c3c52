import Foundation
import Testing
import ZeroTouchCommands

@Suite("zerotouch config check")
struct ConfigCheckCommandTests {
    private static func writeConfig(_ yaml: String) throws -> (path: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zt-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("zerotouch.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, directory)
    }

    @Test("a valid configuration prints the effective values and exits 0")
    func valid() async throws {
        let (path, directory) = try Self.writeConfig("server:\n  port: 8443\nlog:\n  level: debug\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = CommandHarness(environment: ["ZEROTOUCH_DATA_DIRECTORY": "/var/lib/zerotouch"])
        let outcome = try await harness.run(["config", "check", "--config", path])
        #expect(outcome.exitCode == 0)
        #expect(outcome.output.contains("configuration file: \(path)"))
        #expect(outcome.output.contains("server.port = 8443 (file)"))
        #expect(outcome.output.contains("data.directory = /var/lib/zerotouch (environment)"))
        #expect(outcome.output.contains("server.host = 127.0.0.1 (default)"))
        #expect(outcome.output.contains("configuration is valid"))
        #expect(outcome.error.isEmpty)
    }

    @Test("--role also validates that role's keys, as its serve command reads them")
    func roleKeys() async throws {
        let (path, directory) = try Self.writeConfig("idp:\n  issuer: http://idp.example.com\n  bcrypt_cost: 3\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let shared = try await CommandHarness().run(["config", "check", "--config", path])
        #expect(shared.exitCode == 0, "without --role only the shared keys are checked")
        let idp = try await CommandHarness().run(["config", "check", "--config", path, "--role", "idp"])
        #expect(idp.exitCode == 78)
        #expect(idp.error.contains("idp.issuer"))
        #expect(idp.error.contains("idp.bcrypt_cost"))
        let gateway = try await CommandHarness().run(["config", "check", "--config", path, "--role", "gateway"])
        #expect(gateway.exitCode == 78)
        #expect(gateway.error.contains("gateway."))
    }

    @Test("the file can come from ZEROTOUCH_CONFIG")
    func configFromEnvironment() async throws {
        let (path, directory) = try Self.writeConfig("server:\n  port: 9001\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await CommandHarness(environment: ["ZEROTOUCH_CONFIG": path]).run(["config", "check"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.output.contains("server.port = 9001 (file)"))
    }

    @Test("problems are all listed on stderr and the exit status is 78")
    func invalid() async throws {
        let (path, directory) = try Self.writeConfig("server:\n  port: -1\nlog:\n  level: chatty\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await CommandHarness().run(["config", "check", "--config", path])
        #expect(outcome.exitCode == 78)
        #expect(outcome.output.isEmpty)
        #expect(outcome.error.contains("configuration has 2 problems:"))
        #expect(outcome.error.contains("server.port: must be 0…65535 (env ZEROTOUCH_SERVER_PORT)"))
        #expect(outcome.error.contains("log.level: must be one of:"))
    }

    @Test("--json prints the report as JSON, also on failure")
    func json() async throws {
        let (path, directory) = try Self.writeConfig("server:\n  host: 10.0.0.5\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await CommandHarness().run(["config", "check", "--config", path, "--json"])
        #expect(outcome.exitCode == 78)
        let object = try #require(JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let problems = try #require(object["problems"] as? [[String: String]])
        #expect(problems.map { $0["key"] } == ["server.host"])
        #expect(problems.first?["env"] == "ZEROTOUCH_SERVER_HOST")
    }

    @Test("a missing file is reported against ZEROTOUCH_CONFIG")
    func missingFile() async throws {
        let outcome = try await CommandHarness().run(["config", "check", "--config", "/nonexistent/zerotouch.yaml"])
        #expect(outcome.exitCode == 78)
        #expect(
            outcome.error.contains(
                "config: configuration file '/nonexistent/zerotouch.yaml' does not exist or cannot be read (env ZEROTOUCH_CONFIG)"
            )
        )
    }

    @Test("the effective configuration never shows a secret")
    func secretsNeverPrinted() async throws {
        let (path, directory) = try Self.writeConfig("server:\n  port: 8443\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = CommandHarness(environment: ["ZEROTOUCH_SERVER_TLS_KEY": "/keys/key.pem", "ZEROTOUCH_SECRET_THING": "hunter2"])
        let outcome = try await harness.run(["config", "check", "--config", path, "--json"])
        #expect(!outcome.output.contains("hunter2"))
        #expect(!outcome.error.contains("hunter2"))
    }
}

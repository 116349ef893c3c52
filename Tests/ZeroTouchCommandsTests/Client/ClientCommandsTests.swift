import Foundation
import Testing

/// The client commands' behaviour without servers: what they say when nothing is set up, and
/// that scripts get JSON and distinct exit codes.
@Suite("Client commands")
struct ClientCommandsTests {
    /// A harness whose per-user directory is a fresh temporary one.
    private func harness() -> (CommandHarness, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zt-cli-\(UUID().uuidString)")
        return (CommandHarness(environment: ["HOME": directory.path, "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path]), directory)
    }

    @Test("whoami without a login says how to log in and exits with status 3")
    func whoamiNotLoggedIn() async throws {
        let (harness, directory) = harness()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await harness.run(["whoami"])
        #expect(outcome.exitCode == 3)
        #expect(outcome.error.contains("not logged in"))
        #expect(outcome.error.contains("zerotouch login"))
    }

    @Test("errors are JSON on stdout with --json")
    func jsonErrors() async throws {
        let (harness, directory) = harness()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await harness.run(["servers", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(object["error"] as? String == "not_logged_in")
        #expect((object["next_step"] as? String)?.contains("zerotouch login") == true)
    }

    @Test("logout without a session is fine")
    func logoutWithoutSession() async throws {
        let (harness, directory) = harness()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await harness.run(["logout", "--json"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.output == #"{"logged_out":false}"#)
    }

    @Test("login without an IdP explains which flags to pass")
    func loginWithoutIdP() async throws {
        let (harness, directory) = harness()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await harness.run(["login", "--no-browser"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.error.contains("--profile"))
    }

    @Test("login refuses a profile that others can read")
    func unsafeProfile() async throws {
        let (harness, directory) = harness()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let profile = directory.appendingPathComponent("profile.json")
        try Data(#"{"identity_provider":{"issuer":"https://idp.example","client_id":"cli","client_secret":"s"},"authorization_servers":[]}"#.utf8)
            .write(to: profile)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: profile.path)
        let outcome = try await harness.run(["login", "--profile", profile.path, "--no-browser"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.error.contains("chmod 600"))
    }

    @Test("call refuses --args that are not a JSON object before contacting anyone")
    func badArguments() async throws {
        let (harness, directory) = harness()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await harness.run(["call", "issues", "create_issue", "--args", "[1,2]"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.error.contains("--args must be a JSON object"))
    }
}

import Foundation
import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore
import ZeroTouchStorage

/// The built `zerotouch dev` binary as a child process, driven over HTTP from this process: the
/// enterprise and its client in two processes, stopped with SIGTERM and started again.
@Suite("zerotouch dev as a child process")
struct DevProcessTests {
    static let readyMarker = "Ctrl-C stops everything"

    @Test(
        "prints the URLs and passwords once, serves a full sign-in and tool call, stops cleanly on SIGTERM, and restarts with every change kept",
        .enabled(if: DevProcess.binary != nil, "the zerotouch binary is not built: run `swift build --product zerotouch` first"))
    func devAcrossProcesses() async throws {
        let binary = try #require(DevProcess.binary)
        let directory = try TemporaryDirectory("process")
        defer { directory.remove() }
        let data = directory.url.appendingPathComponent("data").path
        let ports = try await TestPorts.allocate()
        let topology = DevTopology(ports: ports)

        let first = try DevProcess(binary: binary, arguments: ["--data-dir", data, "--base-port", String(ports.identityProvider), "--stop-with-parent"])
        defer { first.kill() }
        try await first.waitForOutput(containing: Self.readyMarker)
        try await Readiness.waitUntilHealthy(topology)
        let banner = first.printed
        #expect(banner.contains(topology.identityProviderIssuer.rawValue))
        #expect(banner.contains("shown ONCE"))
        let passwords = BannerParser.passwords(in: banner)
        #expect(Set(passwords.keys) == Set(DevOrganization.accounts.map(\.username)))
        let alicePassword = try #require(passwords["alice"])

        let client = DevClient(
            topology: topology, profile: try DevClientProfile(directory: DataDirectory(path: data)).read(), clock: SystemClock(),
            sessionsDirectory: try directory.subdirectory("sessions"))
        let alice = try await client.logIn(ScriptedBrowser(username: "alice", password: alicePassword))
        let reports = try await alice.connectToEverything()
        #expect(Set(reports.map(\.entry.name)) == ["issues", "docs", "notes"])
        let issues = try #require(reports.first { $0.entry.name == "issues" }?.connection)
        _ = try await ToolCalls.call(issues, "create_issue", ["title": "Made across processes"])
        for report in reports { await report.connection?.close() }

        #expect(await first.terminate() == 0)
        #expect(first.printed.contains("zerotouch dev stopped"))

        let second = try DevProcess(binary: binary, arguments: ["--data-dir", data, "--stop-with-parent"])
        defer { second.kill() }
        try await second.waitForOutput(containing: Self.readyMarker)
        try await Readiness.waitUntilHealthy(topology)
        #expect(second.printed.contains("state kept"))
        #expect(!second.printed.contains(alicePassword), "a password is printed once, on the first run only")
        let again = try await client.logIn(ScriptedBrowser(username: "alice", password: alicePassword))
        let connection = try await again.connect(to: .issues)
        let listed = try await ToolCalls.object(connection, "list_issues")["issues"] as? [[String: Any]] ?? []
        #expect(listed.contains { $0["title"] as? String == "Made across processes" })
        await connection.close()
        #expect(await second.terminate() == 0)
    }
}

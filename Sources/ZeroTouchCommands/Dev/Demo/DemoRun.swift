import Foundation
import Logging
import ZeroTouchClient
import ZeroTouchCore
import ZeroTouchIdP

/// One run of the demo: the environment, the client, and the people signed in so far.
final class DemoRun {
    let environment: DevEnvironment
    let credentials: DevCredentials
    let client: DevClient
    let narrator: DemoNarrator
    var topology: DevTopology { environment.topology }

    private init(environment: DevEnvironment, credentials: DevCredentials, client: DevClient, narrator: DemoNarrator) {
        self.environment = environment
        self.credentials = credentials
        self.client = client
        self.narrator = narrator
    }

    /// Step 1: starts a fresh environment on free ports (three tries, in case another process takes a
    /// port between the search and the bind).
    static func start(workspace: DemoWorkspace, narrator: DemoNarrator, passwordCost: UInt8) async throws(DemoFailure) -> DemoRun {
        try await narrator.step("Start the IdP, the authorization server, the issues and docs MCP servers and the notes gateway") {
            var lastError: (any Error)?
            for attempt in 1...3 {
                do {
                    let options = DevEnvironmentOptions(
                        dataDirectory: workspace.dataDirectory(attempt: attempt), ports: try await DevPorts.free(), passwordCost: passwordCost,
                        logger: Logger(label: "zerotouch.demo"))
                    let environment = try await DevEnvironment.start(options)
                    guard let credentials = environment.credentials else {
                        await environment.stop()
                        throw DemoExpectation("the temporary directory already held an organization")
                    }
                    let profile = try DevClientProfile(fileURL: environment.cliProfileURL).read()
                    let client = DevClient(
                        topology: environment.topology, profile: profile, clock: environment.clock,
                        sessionsDirectory: try workspace.sessionsDirectory())
                    let run = DemoRun(environment: environment, credentials: credentials, client: client, narrator: narrator)
                    return (run, run.startDetails())
                } catch {
                    lastError = error
                }
            }
            throw lastError ?? DemoExpectation("the environment did not start")
        }
    }

    private func startDetails() -> [String] {
        let ports = topology.ports
        return [
            "one process, one SQLite database in a temporary directory, listeners on 127.0.0.1:",
            "IdP :\(ports.identityProvider)  authorization server :\(ports.authorizationServer)  issues :\(ports.issues)  docs :\(ports.docs)  "
                + "gateway :\(ports.gateway) -> notes :\(ports.notesUpstream)",
            "seeded \(DevOrganization.accounts.count) people in \(DevGroup.allCases.count) groups, \(DevServer.allCases.count) MCP servers, "
                + "\(DevOrganization.policies.count) policy rules; the zerotouch CLI registered at the IdP and the authorization server",
        ]
    }

    /// Every scene after the start. The key rotation comes mid-way, so that every later sign-in,
    /// exchange and redemption runs on the new key.
    func playAllScenes() async throws(DemoFailure) {
        narrator.section("alice, engineering")
        let alice = try await aliceScene()
        narrator.section("maya, marketing: narrower access")
        try await mayaScene()
        narrator.section("Key rotation at the IdP, mid-way")
        try await rotationScene(alice)
        narrator.section("Contractors and a suspended account")
        try await contractorScenes()
        narrator.section("What the servers recorded and refused")
        try await replayScene(alice)
        try await auditScene(alice)
    }

    /// Signs `username` in through the IdP's sign-in page, with the TOTP code when the account has one.
    func signIn(_ username: String) async throws -> DevSession {
        guard let browser = credentials.browser(for: username, clock: environment.clock) else { throw DemoExpectation("no password for \(username)") }
        return try await client.logIn(browser)
    }
}

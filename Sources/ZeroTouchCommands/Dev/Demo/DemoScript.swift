import Foundation
import Logging
import ZeroTouchClient

/// `zerotouch demo`'s script (issue 7 item 2): the whole enterprise on a temporary directory, then
/// a user's day with enterprise-managed authorization, each step checked, printed with ✓ or ✗.
///
/// Scenes, in order: the enterprise starts → alice (engineering) signs in through the real sign-in
/// page and connects to everything she may use in one call, then uses three servers → maya
/// (marketing) has narrower access and is refused the issues server with the IdP's reason → the
/// IdP rotates its signing key and exchanges still verify → a contractor without a second factor
/// is asked for one; one with it reads issues but cannot write; a suspended user cannot sign in →
/// a replayed ID-JAG is refused → the audit trail of one tool call, joined from the IdP's grant.
struct DemoScript {
    /// Where the narrative goes.
    let write: @Sendable (String) -> Void
    /// The bcrypt cost of the seeded passwords.
    var passwordCost: UInt8 = 10

    /// Runs every scene; the temporary directory is removed at the end.
    /// - Returns: the number of steps, all of which behaved as expected.
    /// - Throws: `DemoFailure` naming the first step that did not.
    func run() async throws(DemoFailure) -> Int {
        let narrator = DemoNarrator(write: write)
        write("ZeroTouch demo: enterprise-managed authorization (ID-JAG) for MCP, end to end on 127.0.0.1.")
        narrator.section("The enterprise")
        let workspace: DemoWorkspace
        do {
            workspace = try DemoWorkspace.make()
        } catch {
            throw DemoFailure(step: 1, title: "Create a temporary directory", reason: String(describing: error))
        }
        var environment: DevEnvironment?
        do {
            let run = try await DemoRun.start(workspace: workspace, narrator: narrator, passwordCost: passwordCost)
            environment = run.environment
            try await run.playAllScenes()
        } catch {
            if let environment { await environment.stop() }
            workspace.remove()
            throw error
        }
        if let environment { await environment.stop() }
        workspace.remove()
        write("\nAll \(narrator.completedSteps) steps behaved as expected in \(narrator.elapsed); the temporary directory is removed.")
        write("Run the same enterprise yourself, and keep it: zerotouch dev")
        return narrator.completedSteps
    }
}

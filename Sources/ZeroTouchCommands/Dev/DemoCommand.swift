import ArgumentParser
import Logging
import ZeroTouchServer

/// `zerotouch demo`: the whole enterprise on a temporary directory, walked through step by step;
/// exit status 0 only when every step behaved as expected (issue 7 item 2).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole enterprise on a temporary directory and walk through enterprise-managed authorization.",
        discussion: """
            Starts what 'zerotouch dev' starts, on free loopback ports and a temporary directory that \
            is removed afterwards, then signs people in through the IdP's real sign-in page and \
            connects, calls tools, shows refusals with the IdP's reasons, the joined audit trail and \
            a key rotation. Each step prints ✓ or ✗; the exit status is 0 only if every step \
            behaved as expected, 1 otherwise (the failing step is named).
            """
    )

    @Flag(name: .long, help: "Also show the servers' log (info level) on standard error.")
    var verbose = false

    func run() async throws {
        let io = CommandIO.current
        LoggingBootstrap.bootstrap(level: verbose ? .info : .critical)
        do {
            _ = try await DemoScript(write: io.writeOutput).run()
        } catch {
            io.writeOutput("\nThe demo stopped: \(error)")
            throw ExitCode.failure
        }
    }
}

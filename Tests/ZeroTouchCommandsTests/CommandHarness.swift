import ArgumentParser
import Foundation
import Synchronization
import ZeroTouchCommands

/// Runs a `zerotouch` command line with captured output and an injected environment.
struct CommandHarness {
    /// What a run printed, and the exit code it ended with (0 when `run()` returned).
    struct Outcome {
        var output: String
        var error: String
        var exitCode: Int32
    }

    var environment: [String: String] = [:]

    func run(_ arguments: [String]) async throws -> Outcome {
        let output = Mutex<[String]>([])
        let error = Mutex<[String]>([])
        let io = CommandIO(
            writeOutput: { text in output.withLock { $0.append(text) } },
            writeError: { text in error.withLock { $0.append(text) } },
            environment: environment
        )
        var command = try ZeroTouchCommand.parseAsRoot(arguments)
        var exitCode: Int32 = 0
        do {
            try await CommandIO.$current.withValue(io) {
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            }
        } catch let code as ExitCode {
            exitCode = code.rawValue
        }
        return Outcome(
            output: output.withLock { $0.joined(separator: "\n") },
            error: error.withLock { $0.joined(separator: "\n") },
            exitCode: exitCode
        )
    }
}

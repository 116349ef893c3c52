public import Foundation

/// Where commands write and which environment they read; a task-local so tests can capture both.
///
/// ```swift
/// try await CommandIO.$current.withValue(testIO) { try await command.run() }
/// ```
public struct CommandIO: Sendable {
    /// Writes one line (or block) to standard output.
    public var writeOutput: @Sendable (String) -> Void
    /// Writes one line (or block) to standard error.
    public var writeError: @Sendable (String) -> Void
    /// The environment: `ZEROTOUCH_*` overrides and `ZEROTOUCH_CONFIG`.
    public var environment: [String: String]

    /// Creates an IO.
    /// - Parameters:
    ///   - writeOutput: receives standard-output text.
    ///   - writeError: receives standard-error text.
    ///   - environment: the environment commands read.
    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        environment: [String: String]
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.environment = environment
    }

    /// The process's stdout, stderr and environment.
    public static var process: CommandIO {
        CommandIO(
            writeOutput: { print($0) },
            writeError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
            environment: ProcessInfo.processInfo.environment
        )
    }

    /// The IO commands use; the process's unless a test binds another.
    @TaskLocal public static var current: CommandIO = .process
}

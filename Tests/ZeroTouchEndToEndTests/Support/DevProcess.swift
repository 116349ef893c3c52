import Foundation
import Synchronization

/// `zerotouch dev` as a child process: its standard output read as it comes, SIGTERM to stop it.
final class DevProcess: Sendable {
    private let process: Process
    private let output = OutputBuffer()
    private let chunks: AsyncStream<Void>
    private let exited: AsyncStream<Int32>

    /// The built `zerotouch` next to the test bundle (`.build/<configuration>/zerotouch`), or
    /// `$ZEROTOUCH_BINARY`; `nil` when it has not been built.
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["ZEROTOUCH_BINARY"] { return URL(fileURLWithPath: path) }
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
        for candidate in candidates {
            var directory = candidate.deletingLastPathComponent()
            for _ in 0..<4 {
                let binary = directory.appendingPathComponent("zerotouch")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// Starts `zerotouch dev` with `arguments`.
    init(binary: URL, arguments: [String]) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["dev"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ZEROTOUCH_DATA_DIRECTORY"] = nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let (chunks, chunkContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let (exited, exitContinuation) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
        self.process = process
        self.chunks = chunks
        self.exited = exited
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                chunkContinuation.finish()
                return
            }
            output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            chunkContinuation.yield()
        }
        process.terminationHandler = { process in
            exitContinuation.yield(process.terminationStatus)
            exitContinuation.finish()
        }
        try process.run()
    }

    /// Everything printed so far.
    var printed: String { output.text.withLock { $0 } }

    /// Waits until the output contains `marker` (the banner's last line is printed once every listener is up).
    /// - Throws: when the process ends first or `timeout` passes.
    func waitForOutput(containing marker: String, timeout: Duration = .seconds(60)) async throws {
        let chunks = self.chunks
        let found = await Self.race(timeout: timeout) { [self] in
            if printed.contains(marker) { return true }
            for await _ in chunks where printed.contains(marker) { return true }
            return false
        }
        guard found else { throw FixtureError("zerotouch dev did not print '\(marker)'; it printed:\n\(printed)") }
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate(timeout: Duration = .seconds(30)) async -> Int32? {
        if process.isRunning { process.terminate() }
        let exited = self.exited
        let status = Mutex<Int32?>(nil)
        _ = await Self.race(timeout: timeout) {
            for await code in exited {
                status.withLock { $0 = code }
                return true
            }
            return false
        }
        return status.withLock { $0 }
    }

    /// Kills the process if it still runs (cleanup after a failure).
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// `body`'s answer, or `false` after `timeout` (a guard, not a synchronization sleep).
    private static func race(timeout: Duration, _ body: @escaping @Sendable () async -> Bool) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await body() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

/// The child's output so far, shared with the pipe's readability handler.
private final class OutputBuffer: Sendable {
    let text = Mutex("")
}

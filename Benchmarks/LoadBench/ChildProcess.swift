import Foundation
import Synchronization

/// A server started by the load command: stdout and stderr go to a log file, SIGTERM stops it.
final class ChildProcess: @unchecked Sendable {
    let name: String
    let process: Process
    let logURL: URL

    init(name: String, executable: String, arguments: [String], environment: [String: String] = [:], logDirectory: URL) throws {
        self.name = name
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        logURL = logDirectory.appendingPathComponent("\(name).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        ChildProcess.running.withLock { $0.insert(process.processIdentifier) }
    }

    /// The servers started and not yet stopped, for `stopAllOnInterrupt`.
    private static let running = Mutex<Set<Int32>>([])

    /// On SIGINT or SIGTERM, sends SIGTERM to every server still running and exits with 130, so an
    /// interrupted run leaves nothing behind.
    static func stopAllOnInterrupt() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                for pid in running.withLock({ $0 }) { kill(pid, SIGTERM) }
                exit(130)
            }
            source.resume()
            interruptSources.append(source)
        }
    }

    /// Kept alive for the process's lifetime; written once, at start-up, before any task runs.
    nonisolated(unsafe) private static var interruptSources: [any DispatchSourceSignal] = []

    var pid: Int32 { process.processIdentifier }

    /// SIGTERM, then SIGKILL after two seconds.
    func stop() {
        guard process.isRunning else {
            ChildProcess.running.withLock { _ = $0.remove(process.processIdentifier) }
            return
        }
        process.terminate()
        for _ in 0..<40 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        ChildProcess.running.withLock { _ = $0.remove(process.processIdentifier) }
    }
}

/// Runs a command to completion and returns its standard output (standard input from `input`).
enum Command {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data((input + "\n").utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(arguments.prefix(3).joined(separator: " ")) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Resident set size from /proc (VmRSS), in MiB.
func residentMiB(pid: Int32) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kilobytes / 1024
    }
    return nil
}

import Foundation
import Logging
import ZeroTouchCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One stdio MCP server process (MCP "Transports — stdio"): JSON-RPC messages, one per line, on
/// its stdin and stdout; its stderr is discarded.
///
/// Responses are matched to waiting requests by id. Requests the server sends to the client
/// (sampling, roots) are answered at once with "method not found", since the HTTP client of the
/// gateway cannot be reached from here; notifications are dropped.
actor StdioUpstreamProcess {
    private let process: Process
    private let input: FileHandle
    private let maximumLineBytes: Int
    private let logger: Logger
    private var pending: [JSONRPCID: CheckedContinuation<JSONRPCMessage, any Error>] = [:]
    private var exited = false

    private init(process: Process, input: FileHandle, maximumLineBytes: Int, logger: Logger) {
        self.process = process
        self.input = input
        self.maximumLineBytes = maximumLineBytes
        self.logger = logger
    }

    /// Starts `command` with `arguments` and exactly `environment`.
    /// - Throws: `StdioUpstreamError.launchFailed`.
    static func launch(
        command: String, arguments: [String], environment: [String: String], maximumLineBytes: Int, logger: Logger
    ) throws(StdioUpstreamError) -> StdioUpstreamProcess {
        ignoreBrokenPipes
        guard let executable = Self.resolve(command, path: environment["PATH"]) else { throw .launchFailed("'\(command)' not found") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let upstream = StdioUpstreamProcess(process: process, input: stdin.fileHandleForWriting, maximumLineBytes: maximumLineBytes, logger: logger)
        let lines = LineReader.lines(of: stdout.fileHandleForReading, maximumLineBytes: maximumLineBytes)
        do {
            try process.run()
        } catch {
            throw .launchFailed("\(type(of: error))")
        }
        Task { await upstream.consume(lines) }
        return upstream
    }

    /// Whether the process still runs.
    var isRunning: Bool { !exited }

    /// Writes `message` (a notification or a response).
    /// - Throws: `StdioUpstreamError.exited`.
    func send(_ message: JSONRPCMessage) throws(StdioUpstreamError) {
        guard !exited else { throw .exited }
        var line = message.encoded()
        line.append(0x0A)
        do { try input.write(contentsOf: line) } catch { throw .exited }
    }

    /// Writes the request `message` and waits for its response.
    /// - Throws: `StdioUpstreamError`.
    func request(_ message: JSONRPCMessage, timeout: Duration) async throws -> JSONRPCMessage {
        guard let id = message.id else { throw StdioUpstreamError.exited }
        try send(message)
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            await self?.fail(id, with: .timedOut)
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in pending[id] = continuation }
    }

    /// Stops the process (SIGTERM).
    func terminate() {
        guard !exited else { return }
        markExited()
        if process.isRunning { process.terminate() }
    }

    private func consume(_ lines: AsyncStream<LineReader.Line>) async {
        for await line in lines {
            switch line {
            case .message(let data): deliver(data)
            case .tooLarge:
                logger.warning("stdio upstream sent an oversized line; stopping it")
                failAll(with: .messageTooLarge)
                terminate()
            }
        }
        markExited()
    }

    private func deliver(_ data: Data) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data), let object = value.objectValue else { return }
        let message = JSONRPCMessage(object)
        if message.isResponse, let id = message.id, let waiter = pending.removeValue(forKey: id) {
            waiter.resume(returning: message)
        } else if message.isRequest, let id = message.id {
            let refusal = JSONRPCBody.errorResponse(code: -32601, message: "not available through the gateway", id: id)
            if let object = try? JSONDecoder().decode(JSONValue.self, from: refusal).objectValue { try? send(JSONRPCMessage(object)) }
        }
    }

    private func fail(_ id: JSONRPCID, with error: StdioUpstreamError) {
        pending.removeValue(forKey: id)?.resume(throwing: error)
    }

    private func failAll(with error: StdioUpstreamError) {
        let waiting = pending
        pending.removeAll()
        for waiter in waiting.values { waiter.resume(throwing: error) }
    }

    private func markExited() {
        exited = true
        failAll(with: .exited)
    }

    /// The executable for `command`: a path as given, or the first match in `PATH`.
    static func resolve(_ command: String, path: String?) -> URL? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? URL(fileURLWithPath: command) : nil }
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    /// A write to a process that has exited must fail, not kill the gateway with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}

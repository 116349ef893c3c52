import Foundation
import Logging
import ZeroTouchCore

/// The stdio processes of a gateway, one per session (MCP "Session Management"): created by
/// `initialize`, owned by the caller that created it, closed by `DELETE`, on idle expiry, or
/// when the gateway stops.
actor StdioSessionTable {
    private struct Session {
        let process: StdioUpstreamProcess
        let owner: MCPSessionOwner
        var lastUsed: Date
    }

    private let command: String
    private let arguments: [String]
    private let environment: [String: String]
    private let limits: MCPSessionLimits
    private let maximumLineBytes: Int
    private let clock: any WallClock
    private let logger: Logger
    private var sessions: [String: Session] = [:]

    init(
        command: String, arguments: [String], environment: [String: String], limits: MCPSessionLimits, maximumLineBytes: Int,
        clock: any WallClock, logger: Logger
    ) {
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.limits = limits
        self.maximumLineBytes = maximumLineBytes
        self.clock = clock
        self.logger = logger
    }

    /// Starts a process for `identity` and returns its new session id.
    /// - Throws: `StdioUpstreamError.launchFailed`, also when the session limit is reached.
    func open(for identity: VerifiedAccessToken) async throws(StdioUpstreamError) -> (id: String, process: StdioUpstreamProcess) {
        await closeIdle()
        guard sessions.count < limits.maximumSessions else { throw .launchFailed("too many sessions") }
        var environment = self.environment
        environment["ZEROTOUCH_GATEWAY_USER"] = identity.subject.rawValue
        environment["ZEROTOUCH_GATEWAY_CLIENT_ID"] = identity.clientID.rawValue
        environment["ZEROTOUCH_GATEWAY_ISSUER"] = identity.issuer.rawValue
        let process = try StdioUpstreamProcess.launch(
            command: command, arguments: arguments, environment: environment, maximumLineBytes: maximumLineBytes, logger: logger)
        let id = SessionIdentifier.make()
        sessions[id] = Session(process: process, owner: MCPSessionOwner(identity), lastUsed: clock.now)
        return (id, process)
    }

    /// The live process of session `id` when `owner` owns it.
    func process(for id: String, owner: MCPSessionOwner) async -> StdioUpstreamProcess? {
        await closeIdle()
        guard var session = sessions[id], session.owner == owner else { return nil }
        guard await session.process.isRunning else {
            sessions[id] = nil
            return nil
        }
        session.lastUsed = clock.now
        sessions[id] = session
        return session.process
    }

    /// Stops the process of session `id`.
    func close(_ id: String) async {
        guard let session = sessions.removeValue(forKey: id) else { return }
        await session.process.terminate()
    }

    /// Stops every process.
    func closeAll() async {
        let open = sessions.values
        sessions.removeAll()
        for session in open { await session.process.terminate() }
    }

    /// The number of sessions.
    var count: Int { sessions.count }

    private func closeIdle() async {
        let deadline = clock.now.addingTimeInterval(-limits.idleTimeout)
        for (id, session) in sessions where session.lastUsed < deadline {
            sessions[id] = nil
            await session.process.terminate()
        }
    }
}

import Foundation
import MCP
import ZeroTouchCore

/// The stateful sessions of one hosted MCP server: one swift-sdk `Server` and
/// `StatefulHTTPServerTransport` per `Mcp-Session-Id` (MCP "Session Management").
///
/// - An `initialize` `POST` without a session id creates a session owned by the caller.
/// - Other requests must carry the id of a live session owned by the same issuer, user and client;
///   otherwise they get 404 (unknown or foreign session, indistinguishably) or 400 (no id).
/// - `DELETE` ends the session; sessions unused for `limits.idleTimeout` are closed.
actor MCPSessionStore {
    private struct Session {
        let server: Server
        let transport: StatefulHTTPServerTransport
        let owner: MCPSessionOwner
        var lastUsed: Date
    }

    private let definition: MCPServerDefinition
    private let callers: MCPCallerRegistry
    private let allowedOrigins: [String]
    private let limits: MCPSessionLimits
    private let clock: any WallClock
    private var sessions: [String: Session] = [:]

    init(definition: MCPServerDefinition, callers: MCPCallerRegistry, allowedOrigins: [String], limits: MCPSessionLimits, clock: any WallClock) {
        self.definition = definition
        self.callers = callers
        self.allowedOrigins = allowedOrigins
        self.limits = limits
        self.clock = clock
    }

    /// The number of open sessions.
    var count: Int { sessions.count }

    /// Routes `request` to its session, creating one for `initialize`.
    func handle(_ request: HTTPRequest, owner: MCPSessionOwner, isInitialize: Bool) async -> HTTPResponse {
        await closeIdleSessions()
        guard let sessionID = request.header(HTTPHeaderName.sessionID) else {
            guard request.method == "POST", isInitialize else {
                return .error(statusCode: 400, .invalidRequest("Bad Request: Missing \(HTTPHeaderName.sessionID) header"))
            }
            return await createSession(for: request, owner: owner)
        }
        guard var session = sessions[sessionID], session.owner == owner else {
            return .error(statusCode: 404, .invalidRequest("Not Found: Session not found or expired"))
        }
        session.lastUsed = clock.now
        sessions[sessionID] = session
        let response = await session.transport.handleRequest(request)
        if request.method == "DELETE", response.statusCode == 200 {
            sessions[sessionID] = nil
            await session.server.stop()
        }
        return response
    }

    /// Closes every session (server shutdown).
    func closeAll() async {
        let open = sessions.values
        sessions.removeAll()
        for session in open { await session.server.stop() }
    }

    private func createSession(for request: HTTPRequest, owner: MCPSessionOwner) async -> HTTPResponse {
        guard sessions.count < limits.maximumSessions else {
            return .error(statusCode: 503, .internalError("Service Unavailable: too many sessions"))
        }
        let sessionID = SessionIdentifier.make()
        let transport = StatefulHTTPServerTransport(
            sessionIDGenerator: FixedSessionID(value: sessionID),
            validationPipeline: MCPValidation.pipeline(mode: .stateful, allowedOrigins: allowedOrigins))
        let server = await definition.makeServer(callers: callers)
        do {
            try await server.start(transport: transport)
        } catch {
            return .error(statusCode: 500, .internalError("Internal error: the session could not start"))
        }
        let response = await transport.handleRequest(request)
        guard (200..<300).contains(response.statusCode) else {
            await server.stop()
            return response
        }
        sessions[sessionID] = Session(server: server, transport: transport, owner: owner, lastUsed: clock.now)
        return response
    }

    private func closeIdleSessions() async {
        let deadline = clock.now.addingTimeInterval(-limits.idleTimeout)
        let idle = sessions.filter { $0.value.lastUsed < deadline }
        for (id, session) in idle {
            sessions[id] = nil
            await session.server.stop()
        }
    }
}

/// Hands the transport the session id the store chose.
private struct FixedSessionID: SessionIDGenerator {
    let value: String
    func generateSessionID() -> String { value }
}

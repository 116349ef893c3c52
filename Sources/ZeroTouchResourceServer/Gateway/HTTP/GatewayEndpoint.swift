import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ZeroTouchCore

/// The MCP endpoint of the gateway, after bearer authentication: checks the origin, reads and
/// re-encodes the JSON-RPC body, decides every `tools/call` against the tool policy and the
/// token's scope, audits refusals, and forwards the rest to the upstream.
final class GatewayEndpoint: Sendable {
    let configuration: GatewayConfiguration
    let auditor: ToolCallAuditor
    private let http: HTTPUpstreamForwarder?
    private let stdio: StdioUpstreamForwarder?
    private let stdioSessions: StdioSessionTable?

    init(
        configuration: GatewayConfiguration, auditor: ToolCallAuditor, httpClient: HTTPClient, environment: [String: String],
        clock: any WallClock, logger: Logger
    ) {
        self.configuration = configuration
        self.auditor = auditor
        switch configuration.upstream {
        case .http(let url):
            let owners = GatewaySessionOwners(limits: configuration.sessionLimits, clock: clock)
            http = HTTPUpstreamForwarder(url: url, httpClient: httpClient, configuration: configuration, auditor: auditor, owners: owners)
            stdio = nil
            stdioSessions = nil
        case .stdio(let command, let arguments):
            // The child never inherits ZeroTouch's own configuration, which may hold secrets.
            let inherited = environment.filter { !$0.key.uppercased().hasPrefix("ZEROTOUCH_") }
            let sessions = StdioSessionTable(
                command: command, arguments: arguments, environment: inherited, limits: configuration.sessionLimits,
                maximumLineBytes: configuration.maximumResponseBytes, clock: clock, logger: logger)
            http = nil
            stdio = StdioUpstreamForwarder(sessions: sessions, configuration: configuration, auditor: auditor)
            stdioSessions = sessions
        }
    }

    /// Handles `POST`, `GET` or `DELETE`.
    /// - Throws: `BearerChallenge` 403 for a tool without its scope; Hummingbird's 413 for an
    ///   oversized body; the audit log's error when a refusal cannot be recorded.
    func respond<Context: IdentifiedRequestContext>(to request: Request, context: Context) async throws -> Response {
        if let origin = request.headers[.origin], !configuration.allowedOrigins.contains(where: { $0.lowercased() == origin.lowercased() }) {
            return MCPResponseConversion.jsonRPCError(status: .forbidden, code: -32600, message: "Forbidden: Origin not allowed")
        }
        var request = request
        var body: JSONRPCBody?
        if request.method == .post {
            let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
            guard mediaType == "application/json" else {
                return MCPResponseConversion.jsonRPCError(status: .unsupportedMediaType, code: -32600, message: "Content-Type must be application/json")
            }
            let buffer = try await request.collectBody(upTo: configuration.maximumBodyBytes)
            do {
                body = try JSONRPCBody(parsing: Data(buffer.readableBytesView))
            } catch {
                return MCPResponseConversion.jsonRPCError(status: .badRequest, code: error == .parseError ? -32700 : -32600, message: "Invalid JSON-RPC body")
            }
            if let refusal = try await authorize(body!, context: context) { return refusal }
        }
        let exchange = GatewayExchange(
            request: request, body: body, identity: context.identity, pending: PendingToolCalls(body), logger: context.logger)
        if let http { return await http.forward(exchange) }
        if let stdio { return await stdio.forward(exchange) }
        return MCPResponseConversion.jsonRPCError(status: .badGateway, code: -32603, message: "no upstream")
    }

    /// Stops every stdio process.
    func shutdown() async { await stdioSessions?.closeAll() }

    private func authorize<Context: IdentifiedRequestContext>(_ body: JSONRPCBody, context: Context) async throws -> Response? {
        switch ToolCallAuthorization(body: body, policy: configuration.toolPolicy, identity: context.identity) {
        case .allowed:
            return nil
        case .denied(let tool):
            try await auditor.record(tool: tool ?? "", identity: context.identity, outcome: .denied, reason: "tool_not_offered")
            let id = body.messages.first { $0.method == "tools/call" && $0.toolName == tool }?.id
            return MCPResponseConversion.jsonRPCError(status: .ok, code: -32601, message: "tool not available", id: id)
        case .insufficientScope(let tool, let required):
            try await auditor.record(tool: tool, identity: context.identity, outcome: .denied, reason: "insufficient_scope \(required)")
            context.logger.info("tool call refused", metadata: ["tool": .string(String(tool.prefix(64))), "required": .string(required.description)])
            throw BearerChallenge.insufficientScope(
                required: required, context.challenge, description: "tool '\(tool.prefix(64))' needs scope '\(required)'")
        }
    }
}

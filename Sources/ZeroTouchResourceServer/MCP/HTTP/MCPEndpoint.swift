import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import MCP
public import ZeroTouchCore

/// Serves one Swift MCP server over Streamable HTTP behind bearer authentication, bridging
/// Hummingbird to the swift-sdk's `StatelessHTTPServerTransport` / `StatefulHTTPServerTransport`
/// (MCP 2025-11-25 "Transports").
///
/// For each authenticated request:
/// 1. `POST`: the body is read up to `maximumBodyBytes` (413 beyond), parsed as JSON-RPC (400
///    with a JSON-RPC error otherwise) and re-encoded, so the server runs exactly what was checked;
/// 2. every `tools/call` is checked against the tools' scopes: a missing scope is 403
///    `insufficient_scope` naming it, and nothing runs;
/// 3. the caller's identity is registered for the tool handlers (`MCPCallerRegistry`), the
///    client's `Authorization` header is not passed on, and the request goes to the transport;
/// 4. the response is converted, `initialize` results gaining the EMA extension.
public final class MCPEndpoint: Sendable {
    /// The server served here.
    public let definition: MCPServerDefinition
    /// Stateless JSON or stateful SSE.
    public let mode: MCPHostingMode
    /// The largest `POST` body read.
    public let maximumBodyBytes: Int
    /// Identities handed to tool handlers.
    public let callers = MCPCallerRegistry()
    private let policy: ToolScopePolicy
    private let allowedOrigins: [String]
    private let sessions: MCPSessionStore

    /// The default body cap: 4 MiB.
    public static let defaultMaximumBodyBytes = 4 * 1024 * 1024

    /// Creates an endpoint.
    /// - Parameters:
    ///   - definition: the server.
    ///   - mode: stateless or stateful.
    ///   - allowedOrigins: browser origins allowed to call (others get 403; requests without `Origin` pass).
    ///   - limits: session bounds (stateful mode).
    ///   - clock: the time source for session expiry.
    ///   - maximumBodyBytes: the body cap.
    public init(
        definition: MCPServerDefinition, mode: MCPHostingMode, allowedOrigins: [String] = [],
        limits: MCPSessionLimits = MCPSessionLimits(), clock: any WallClock = SystemClock(),
        maximumBodyBytes: Int = MCPEndpoint.defaultMaximumBodyBytes
    ) {
        self.definition = definition
        self.mode = mode
        self.maximumBodyBytes = maximumBodyBytes
        self.policy = definition.toolScopePolicy
        self.allowedOrigins = allowedOrigins
        self.sessions = MCPSessionStore(
            definition: definition, callers: callers, allowedOrigins: allowedOrigins, limits: limits, clock: clock)
    }

    /// Handles `POST`, `GET` or `DELETE` on the MCP path.
    /// - Throws: `BearerChallenge` 403 for a tool call without its scope; Hummingbird's 413 for an
    ///   oversized body.
    public func respond<Context: IdentifiedRequestContext>(to request: Request, context: Context) async throws -> Response {
        var request = request
        var body: JSONRPCBody?
        if request.method == .post {
            let buffer = try await request.collectBody(upTo: maximumBodyBytes)
            do {
                body = try JSONRPCBody(parsing: Data(buffer.readableBytesView))
            } catch {
                let parseError = error == .parseError
                return MCPResponseConversion.jsonRPCError(
                    status: .badRequest, code: parseError ? -32700 : -32600, message: parseError ? "Parse error" : "Invalid Request")
            }
            if let refusal = try authorize(body!, context: context) { return refusal }
        }
        let reference = callers.register(context.identity)
        let mcpRequest = MCPRequestConversion.request(from: request, body: body?.encoded(), callerReference: reference)
        let response = await dispatch(mcpRequest, body: body, identity: context.identity)
        let callers = self.callers
        return MCPResponseConversion.response(response, initializeIDs: body?.initializeIDs ?? []) { callers.unregister(reference) }
    }

    /// Closes every stateful session.
    public func shutdown() async { await sessions.closeAll() }

    /// The number of open stateful sessions.
    public var sessionCount: Int { get async { await sessions.count } }

    private func authorize<Context: IdentifiedRequestContext>(_ body: JSONRPCBody, context: Context) throws -> Response? {
        switch ToolCallAuthorization(body: body, policy: policy, identity: context.identity) {
        case .allowed:
            return nil
        case .denied(let tool):
            let id = body.messages.first { $0.method == "tools/call" && $0.toolName == tool }?.id
            return MCPResponseConversion.jsonRPCError(status: .ok, code: -32601, message: "tool not available", id: id)
        case .insufficientScope(let tool, let required):
            context.logger.info("tool call refused", metadata: ["tool": .string(String(tool.prefix(64))), "required": .string(required.description)])
            throw BearerChallenge.insufficientScope(
                required: required, context.challenge, description: "tool '\(tool.prefix(64))' needs scope '\(required)'")
        }
    }

    private func dispatch(_ request: MCP.HTTPRequest, body: JSONRPCBody?, identity: VerifiedAccessToken) async -> MCP.HTTPResponse {
        switch mode {
        case .stateful:
            return await sessions.handle(request, owner: MCPSessionOwner(identity), isInitialize: body?.containsInitialize ?? false)
        case .stateless:
            let transport = StatelessHTTPServerTransport(validationPipeline: MCPValidation.pipeline(mode: .stateless, allowedOrigins: allowedOrigins))
            let server = await definition.makeServer(callers: callers)
            do {
                try await server.start(transport: transport)
            } catch {
                return .error(statusCode: 500, .internalError("Internal error: the server could not start"))
            }
            let response = await transport.handleRequest(request)
            await server.stop()
            return response
        }
    }
}

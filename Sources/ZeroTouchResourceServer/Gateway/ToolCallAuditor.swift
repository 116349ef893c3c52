public import Foundation
public import Logging
public import ZeroTouchCore

/// Writes one audit record per tool call that passes the gateway (issue 5 item 4): who (user,
/// client), which tool, the outcome, and the access token's `jti` as the correlation id, so the
/// call joins the authorization server's redemption record and, through `idjag_jti`, the IdP's
/// decision.
///
/// Records are appended before the response that reports the call is forwarded (Core's
/// `AuditLog`: "nothing acknowledged is lost"); when the append fails, the client receives a
/// JSON-RPC error instead of the result.
public struct ToolCallAuditor: Sendable {
    /// `AuditRecord.service` of gateway records.
    public static let service = "gateway"
    /// `AuditRecord.event` of a tool call.
    public static let event = "tool.call"

    /// Where records go.
    public let auditLog: any AuditLog
    /// The resource the gateway publishes.
    public let resource: ResourceIdentifier
    /// The upstream, as described in records.
    public let upstream: String
    private let clock: any WallClock

    /// Creates an auditor.
    public init(auditLog: any AuditLog, resource: ResourceIdentifier, upstream: String, clock: any WallClock = SystemClock()) {
        self.auditLog = auditLog
        self.resource = resource
        self.upstream = upstream
        self.clock = clock
    }

    /// Appends the record of one call.
    /// - Throws: the audit log's error; the caller must then not report success.
    public func record(tool: String, identity: VerifiedAccessToken, outcome: AuditOutcome, reason: String?) async throws {
        var details = ["tool": String(tool.prefix(128)), "upstream": upstream, "issuer": identity.issuer.rawValue]
        if let idJAGJTI = identity.idJAGJTI { details["idjag_jti"] = idJAGJTI.rawValue }
        try await auditLog.append(
            AuditRecord(
                time: clock.now, service: Self.service, event: Self.event, outcome: outcome, actor: identity.subject.rawValue,
                subject: identity.subject.rawValue, clientID: identity.clientID.rawValue, resource: resource.rawValue,
                scope: identity.scope.parameterValue, correlationID: identity.jti?.rawValue, reason: reason, details: details))
    }

    /// Audits the responses in `data` (one JSON-RPC message or a batch) that answer pending calls.
    /// - Returns: `data`, where a response whose record could not be written is replaced by a
    ///   JSON-RPC internal error.
    func settle(_ data: Data, pending: PendingToolCalls, identity: VerifiedAccessToken, logger: Logger) async -> Data {
        guard !pending.isEmpty, let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return data }
        let objects = value.arrayValue?.compactMap(\.objectValue) ?? value.objectValue.map { [$0] } ?? []
        var failedIDs: [JSONRPCID] = []
        for object in objects {
            let message = JSONRPCMessage(object)
            guard message.isResponse, let id = message.id, let tool = pending.take(id) else { continue }
            let (outcome, reason) = Self.outcome(of: message)
            do {
                try await record(tool: tool, identity: identity, outcome: outcome, reason: reason)
            } catch {
                logger.error("tool call could not be audited", metadata: ["tool": .string(tool), "error.type": .string("\(type(of: error))")])
                failedIDs.append(id)
            }
        }
        guard !failedIDs.isEmpty else { return data }
        if value.arrayValue == nil, let id = failedIDs.first { return Self.auditFailure(id: id) }
        let replaced: [JSONValue] = objects.map { object in
            guard let id = JSONRPCMessage(object).id, failedIDs.contains(id), JSONRPCMessage(object).isResponse else { return .object(object) }
            return (try? JSONDecoder().decode(JSONValue.self, from: Self.auditFailure(id: id))) ?? .object(object)
        }
        return (try? JSONEncoder().encode(JSONValue.array(replaced))) ?? data
    }

    /// Audits every call still pending as failed (the upstream never answered).
    func abandon(_ pending: PendingToolCalls, identity: VerifiedAccessToken, reason: String) async {
        for call in pending.takeAll() {
            try? await record(tool: call.tool, identity: identity, outcome: .failure, reason: reason)
        }
    }

    /// The outcome of a `tools/call` response: a JSON-RPC error or a result with `isError: true`
    /// is a failure (MCP "Error Handling"), anything else a success.
    static func outcome(of response: JSONRPCMessage) -> (AuditOutcome, String?) {
        if let error = response.object["error"] {
            return (.failure, "jsonrpc_error \(error["code"]?.doubleValue.map { String(Int($0)) } ?? "?")")
        }
        if response.object["result"]?["isError"]?.boolValue == true { return (.failure, "tool_error") }
        return (.success, nil)
    }

    static func auditFailure(id: JSONRPCID) -> Data {
        JSONRPCBody.errorResponse(code: -32603, message: "the call could not be audited", id: id)
    }
}

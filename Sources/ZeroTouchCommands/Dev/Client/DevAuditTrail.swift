import Foundation
public import ZeroTouchCore

/// One grant's path through the audit trail, joined across the roles (Core `AuditRecord`: "joining on
/// it gives the whole trail of one grant"):
///
/// IdP `token_exchange` (`jti` = the ID-JAG's) → authorization server `jwt_bearer` (`correlationID` =
/// the ID-JAG's `jti`, `jti` = the access token's) → tool calls (`correlationID` = the access token's `jti`).
public struct DevAuditTrail: Sendable {
    /// The IdP's decision that issued the ID-JAG.
    public var exchange: AuditRecord
    /// The authorization server's redemption of that ID-JAG.
    public var redemption: AuditRecord
    /// The tool calls made with the access token.
    public var toolCalls: [AuditRecord]

    /// The trail behind the newest tool call on `resource`.
    /// - Returns: `nil` when no call, redemption or exchange is found.
    /// - Throws: the audit log's errors.
    public static func ofLatestToolCall(on resource: ResourceIdentifier, in log: any AuditLog) async throws -> DevAuditTrail? {
        let calls = try await log.query(AuditQuery(event: "tool.call", resource: resource.rawValue, limit: 1)).records
        guard let accessTokenJTI = calls.first?.correlationID else { return nil }
        return try await ofAccessToken(accessTokenJTI, in: log)
    }

    /// The trail of the access token whose `jti` is `accessTokenJTI`.
    /// - Throws: the audit log's errors.
    public static func ofAccessToken(_ accessTokenJTI: String, in log: any AuditLog) async throws -> DevAuditTrail? {
        let byToken = try await log.query(AuditQuery(trail: accessTokenJTI, limit: 100)).records
        guard let redemption = byToken.first(where: { $0.event == "jwt_bearer" && $0.jti == accessTokenJTI }),
            let idJAGJTI = redemption.correlationID
        else { return nil }
        let byAssertion = try await log.query(AuditQuery(trail: idJAGJTI, limit: 100)).records
        guard let exchange = byAssertion.first(where: { $0.event == "token_exchange" && $0.jti == idJAGJTI }) else { return nil }
        let calls = byToken.filter { $0.event == "tool.call" && $0.correlationID == accessTokenJTI }.sorted { $0.time < $1.time }
        return DevAuditTrail(exchange: exchange, redemption: redemption, toolCalls: calls)
    }

    /// One line per record, oldest first, for people.
    public var lines: [String] {
        var lines = [
            Self.line(
                exchange, "granted \(exchange.scope ?? "-") at \(exchange.resource ?? "-")", extra: "rules \(exchange.details["rules"] ?? "-")"),
            Self.line(redemption, "redeemed ID-JAG \(Self.short(redemption.correlationID))", extra: "kid \(Self.short(redemption.details["kid"]))"),
        ]
        for call in toolCalls {
            lines.append(Self.line(call, "\(call.details["tool"] ?? "tool") with access token \(Self.short(call.correlationID))", extra: nil))
        }
        return lines
    }

    private static func line(_ record: AuditRecord, _ what: String, extra: String?) -> String {
        let head = record.service.padding(toLength: 8, withPad: " ", startingAt: 0) + record.event.padding(toLength: 15, withPad: " ", startingAt: 0)
            + record.outcome.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        let jti = record.jti.map { " -> jti \(short($0))" } ?? ""
        return head + what + jti + (extra.map { "  (\($0))" } ?? "")
    }

    /// The first 8 characters of an identifier, enough to follow the join by eye.
    static func short(_ identifier: String?) -> String {
        guard let identifier else { return "-" }
        return identifier.count > 12 ? String(identifier.prefix(8)) + "…" : identifier
    }
}

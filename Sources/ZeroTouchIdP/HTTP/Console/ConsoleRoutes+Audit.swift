import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

extension ConsoleRoutes {
    /// The longest CSV export, in records.
    static let maximumExport = 10_000

    func addAudit(to router: Router<IdPRequestContext>) {
        page(router, "/admin/audit") { request, _, admin in try await auditPage(admin, filter: ConsoleAuditFilter(Self.query(request))) }
        page(router, "/admin/audit.csv") { request, _, admin in try await auditExport(admin, filter: ConsoleAuditFilter(Self.query(request))) }
    }

    func auditPage(_ admin: ConsoleAdmin, filter: ConsoleAuditFilter) async throws -> Response {
        let snapshot = registry.snapshot
        var values: [String: Any] = [
            "servers": snapshot.servers.map { ["value": $0.id.rawValue, "label": $0.name, "selected": $0.id.rawValue == filter.server] },
            "clients": snapshot.clients.map { ["value": $0.id.rawValue, "label": $0.name, "selected": $0.id.rawValue == filter.client] },
            "outcomes": AuditOutcome.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == filter.outcome] },
            "events": ["login", "logout", "token_exchange", "jwt_bearer", "tool.call", "admin."].map { ["value": $0, "selected": $0 == filter.event] },
        ]
        for name in ConsoleAuditFilter.fieldNames { values[name] = filter[name] }
        values["export"] = "/admin/audit.csv?" + filter.queryString()
        if !filter.trail.isEmpty { values["is_trail"] = true }
        let query: AuditQuery
        do {
            query = try filter.query(in: snapshot)
        } catch {
            return renderer.page(
                "audit", title: "Audit", section: .audit, admin: admin, values: values, error: error.message, status: HTTPResponse.Status(code: error.status))
        }
        var records = try await provider.auditLog.query(query)
        if !filter.trail.isEmpty { records = try await joinedTrail(records, query: query) }
        values["records"] = records.records.map { Self.row($0, snapshot) }
        values["count"] = records.records.count
        if let next = records.nextCursor { values["older"] = "/admin/audit?" + filter.queryString(cursor: next) }
        if filter.cursor != nil { values["newest"] = "/admin/audit?" + filter.queryString() }
        return renderer.page("audit", title: filter.trail.isEmpty ? "Audit" : "Audit trail of \(filter.trail)", section: .audit, admin: admin, values: values)
    }

    /// One grant's trail across roles: the records naming the `jti`, then those following from the tokens
    /// they issued (the IdP's decision → the AS redemption → the gateway's tool calls), oldest first.
    private func joinedTrail(_ first: AuditPage, query: AuditQuery) async throws -> AuditPage {
        var seen = Set(first.records.map(\.id))
        var records = first.records
        let followed = Set(first.records.compactMap(\.jti)).subtracting([query.trail ?? ""]).prefix(10)
        for jti in followed {
            var next = query
            next.trail = jti
            next.cursor = nil
            for record in try await provider.auditLog.query(next).records where seen.insert(record.id).inserted { records.append(record) }
        }
        return AuditPage(records: records.sorted { $0.time < $1.time }, nextCursor: nil)
    }

    private static func row(_ record: AuditRecord, _ snapshot: IdPSnapshot) -> [String: Any] {
        let subject = record.subject.flatMap { snapshot.user(UserID($0))?.username } ?? record.subject ?? ""
        var row: [String: Any] = [
            "time": timestamp(record.time), "service": record.service, "event": record.event, "outcome": record.outcome.rawValue,
            "good": record.outcome == .success, "actor": record.actor ?? "", "subject": subject, "client": record.clientID ?? "",
            "resource": record.resource ?? "", "scope": record.scope ?? "", "reason": record.reason ?? "",
            "details": record.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
        ]
        // Mustache sections treat an empty string as true: absent values stay out of the row.
        if let jti = record.jti { row["jti"] = jti }
        if let correlation = record.correlationID { row["correlation"] = correlation }
        return row
    }

    /// `GET /admin/audit.csv`: the filtered records as RFC 4180 CSV, newest first, at most `maximumExport`.
    func auditExport(_ admin: ConsoleAdmin, filter: ConsoleAuditFilter) async throws -> Response {
        var query: AuditQuery
        do {
            query = try filter.query(in: registry.snapshot, limit: AuditQuery.maximumLimit)
        } catch {
            return renderer.message(title: "Audit export", text: error.message, admin: admin, status: HTTPResponse.Status(code: error.status))
        }
        var lines = [AuditCSV.header]
        var exported = 0
        while exported < Self.maximumExport {
            let page = try await provider.auditLog.query(query)
            lines += page.records.map(AuditCSV.line)
            exported += page.records.count
            guard let next = page.nextCursor, !page.records.isEmpty else { break }
            query.cursor = next
        }
        var extra = HTTPFields()
        extra[.contentDisposition] = "attachment; filename=\"zerotouch-audit.csv\""
        return ConsoleResponse.body(lines.joined(separator: "\r\n") + "\r\n", contentType: "text/csv; charset=utf-8", extra: extra)
    }
}

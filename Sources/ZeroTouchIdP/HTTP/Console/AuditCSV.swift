import Foundation
import ZeroTouchCore

/// Audit records as RFC 4180 CSV. A cell that a spreadsheet would read as a formula (`=`, `+`, `-`,
/// `@`, tab, carriage return) gets a leading `'` (OWASP CSV injection).
enum AuditCSV {
    /// The header row.
    static let header = "time,service,event,outcome,actor,subject,client_id,resource,scope,jti,correlation_id,reason,details"

    /// One record's row.
    static func line(_ record: AuditRecord) -> String {
        let details = record.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let cells = [
            record.time.formatted(.iso8601), record.service, record.event, record.outcome.rawValue, record.actor ?? "", record.subject ?? "",
            record.clientID ?? "", record.resource ?? "", record.scope ?? "", record.jti ?? "", record.correlationID ?? "", record.reason ?? "", details,
        ]
        return cells.map(cell).joined(separator: ",")
    }

    /// A quoted, neutralized cell.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

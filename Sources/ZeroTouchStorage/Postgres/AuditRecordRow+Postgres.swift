import Foundation
import PostgresNIO
import ZeroTouchCore

extension AuditRecordRow {
    /// Inserts the row inside the caller's transaction (or alone); `sequence` comes from the
    /// identity column.
    func insert(on connection: PostgresConnection, logger: Logger) async throws {
        let time = record.time.unixMicroseconds
        try await connection.query(
            """
            INSERT INTO audit_records (
                id, occurred_at, service, event, outcome, actor, subject, client_id,
                resource, scope, jti, correlation_id, reason, details
            ) VALUES (
                \(record.id), \(time), \(record.service), \(record.event), \(record.outcome.rawValue),
                \(record.actor), \(record.subject), \(record.clientID), \(record.resource), \(record.scope),
                \(record.jti), \(record.correlationID), \(record.reason), \(details))
            """,
            logger: logger)
    }

    /// The record in `row`, selected with `selectedColumns`, and its `sequence`.
    /// - Throws: `StorageError.unreadableRow` for an unknown outcome, malformed details, or a
    ///   column of an unexpected type.
    static func decode(_ row: PostgresRow) throws -> (sequence: Int64, record: AuditRecord) {
        let columns: (Int64, String, Int64, String, String, String, String?, String?, String?, String?, String?, String?, String?, String?, String)
        do {
            columns = try row.decode(
                (Int64, String, Int64, String, String, String, String?, String?, String?, String?, String?, String?, String?, String?, String).self)
        } catch {
            throw StorageError.unreadableRow(table: "audit_records", column: "*")
        }
        let record = AuditRecord(
            id: columns.1, time: Date(unixMicroseconds: columns.2), service: columns.3, event: columns.4,
            outcome: try outcome(from: columns.5), actor: columns.6, subject: columns.7, clientID: columns.8,
            resource: columns.9, scope: columns.10, jti: columns.11, correlationID: columns.12, reason: columns.13,
            details: try details(from: columns.14))
        return (columns.0, record)
    }
}

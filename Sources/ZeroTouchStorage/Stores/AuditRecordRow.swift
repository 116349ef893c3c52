import Foundation
import GRDB
import ZeroTouchCore

/// An `AuditRecord` as a row of the `audit_records` table: checked and encoded for insertion, or
/// decoded from a query.
///
/// Both `SQLiteAuditLog.append` and `SQLiteDocumentStore.apply` insert through it, so the row an
/// admin change writes is the same as any other audit row.
struct AuditRecordRow: Sendable {
    let record: AuditRecord
    /// `record.details` as a JSON object with sorted keys.
    let details: String

    /// Encodes `record`, rejecting details larger than `StorageLimits.maximumAuditDetailsSize`.
    /// - Throws: `StorageError.auditDetailsTooLarge`, or an encoding error.
    init(_ record: AuditRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(record.details)
        guard data.count <= StorageLimits.maximumAuditDetailsSize else {
            throw StorageError.auditDetailsTooLarge(
                auditID: record.id, size: data.count, limit: StorageLimits.maximumAuditDetailsSize)
        }
        self.record = record
        self.details = String(decoding: data, as: UTF8.self)
    }

    /// Inserts the row inside the caller's transaction; `sequence` is assigned by the table.
    func insert(into db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_records (
                    id, occurred_at, service, event, outcome, actor, subject, client_id,
                    resource, scope, jti, correlation_id, reason, details
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.id, record.time.unixMicroseconds, record.service, record.event, record.outcome.rawValue,
                record.actor, record.subject, record.clientID, record.resource, record.scope, record.jti,
                record.correlationID, record.reason, details,
            ])
    }

    /// The columns `decode(_:)` reads, in `SELECT` order.
    static let selectedColumns = """
        sequence, id, occurred_at, service, event, outcome, actor, subject, client_id, resource, scope,
        jti, correlation_id, reason, details
        """

    /// The record in `row` and its `sequence`.
    /// - Throws: `StorageError.unreadableRow` for an unknown outcome or malformed details.
    static func decode(_ row: Row) throws -> (sequence: Int64, record: AuditRecord) {
        let outcome = try outcome(from: row.decode(forColumn: "outcome"))
        let details = try details(from: row.decode(forColumn: "details"))
        let record = AuditRecord(
            id: try row.decode(forColumn: "id"),
            time: Date(unixMicroseconds: try row.decode(forColumn: "occurred_at")),
            service: try row.decode(forColumn: "service"),
            event: try row.decode(forColumn: "event"),
            outcome: outcome,
            actor: try row.decode(forColumn: "actor"),
            subject: try row.decode(forColumn: "subject"),
            clientID: try row.decode(forColumn: "client_id"),
            resource: try row.decode(forColumn: "resource"),
            scope: try row.decode(forColumn: "scope"),
            jti: try row.decode(forColumn: "jti"),
            correlationID: try row.decode(forColumn: "correlation_id"),
            reason: try row.decode(forColumn: "reason"),
            details: details)
        return (try row.decode(forColumn: "sequence"), record)
    }

    /// The outcome stored as `text`.
    /// - Throws: `StorageError.unreadableRow` for an unknown outcome.
    static func outcome(from text: String) throws -> AuditOutcome {
        guard let outcome = AuditOutcome(rawValue: text) else {
            throw StorageError.unreadableRow(table: "audit_records", column: "outcome")
        }
        return outcome
    }

    /// The details stored as the JSON object `text`.
    /// - Throws: `StorageError.unreadableRow` for anything but an object of strings.
    static func details(from text: String) throws -> [String: String] {
        guard let details = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else {
            throw StorageError.unreadableRow(table: "audit_records", column: "details")
        }
        return details
    }
}

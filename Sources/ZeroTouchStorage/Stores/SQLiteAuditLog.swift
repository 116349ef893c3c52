import Foundation
import GRDB
public import ZeroTouchCore

/// The append-only audit trail in the `audit_records` table.
///
/// Each record gets the next `sequence` (never reused, `AUTOINCREMENT`); "newest first" means the
/// most recently appended first, and the page cursor is the last sequence returned, so paging
/// neither skips nor repeats a record while new ones are appended. `details` are stored as a JSON
/// object. Time filters are a half-open range: `since` is included, `until` is not. How each
/// filter stays an index read at a million rows is described on `AuditPageQuery`.
public struct SQLiteAuditLog: AuditLog {
    private let database: SQLiteDatabase
    private let appends: GroupCommit<AuditRecordRow, Void>

    /// An audit log over `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
        self.appends = GroupCommit { rows in
            try await database.pool.write { db in
                for row in rows { try row.insert(into: db) }
            }
            return rows.map { _ in () }
        }
    }

    /// Appends `record`; it is committed and synced to disk on return. Concurrent appends share one
    /// transaction (`GroupCommit`), in the order they arrived.
    /// - Throws: `StorageError.auditDetailsTooLarge` before writing anything; GRDB's
    ///   `DatabaseError` when the write fails (also for a duplicate `id`). The caller must then
    ///   fail its request instead of answering success.
    public func append(_ record: AuditRecord) async throws {
        let row = try AuditRecordRow(record)
        try await appends.submit(row)
    }

    /// Returns one page of the records matching every set filter of `query`, newest first, at most
    /// `AuditQuery.maximumLimit` of them (a `limit` below 1 counts as 1).
    /// - Throws: `StorageError.invalidCursor`, `StorageError.unreadableRow`, or GRDB's `DatabaseError`.
    public func query(_ query: AuditQuery) async throws -> AuditPage {
        let pageQuery = try AuditPageQuery(query)
        return try await database.pool.read { try pageQuery.fetch(in: $0) }
    }

    /// Appends `records` in order in one transaction (bulk loads in tests and imports).
    package func append(contentsOf records: [AuditRecord]) async throws {
        let rows = try records.map(AuditRecordRow.init)
        try await database.pool.write { db in
            for row in rows { try row.insert(into: db) }
        }
    }

    /// The lines of SQLite's `EXPLAIN QUERY PLAN` for each statement that answers `query`, so
    /// tests can check that every filter is served by an index.
    package func queryPlan(for query: AuditQuery) async throws -> [[String]] {
        let statements = try AuditPageQuery(query).statements
        return try await database.pool.read { db in
            try statements.map { statement in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments.sqliteArguments)
                    .map { try $0.decode(String.self, forColumn: "detail") }
            }
        }
    }
}

import Foundation
import PostgresNIO
public import ZeroTouchCore

/// The append-only audit trail in PostgreSQL's `audit_records` table, written by every replica.
///
/// Same semantics and cursor format as `SQLiteAuditLog`: the statements come from the same
/// `AuditPageQuery`. `sequence` is an identity column, so it grows with every append but, with
/// several writers, in the order the appends *started*: a page read while another replica is
/// committing can miss that replica's record if it is older than the page's cursor (it shows up
/// in a new query). `append` returns after the commit, which PostgreSQL makes durable
/// (`synchronous_commit = on`, the default).
public struct PostgresAuditLog: AuditLog {
    private let database: PostgresDatabase

    /// An audit log over `database` (started).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// Appends `record`; it is committed on return.
    /// - Throws: `StorageError.auditDetailsTooLarge` before writing anything;
    ///   `StorageError.statementFailed(sqlState: "23505")` for a duplicate `id`;
    ///   `StorageError.unavailable`. The caller must then fail its request.
    public func append(_ record: AuditRecord) async throws {
        let row = try AuditRecordRow(record)
        let logger = database.statementLogger
        try await database.withConnection { connection in
            try await row.insert(on: connection, logger: logger)
        }
    }

    /// Returns one page of the records matching every set filter of `query`, newest first, at
    /// most `AuditQuery.maximumLimit` of them (a `limit` below 1 counts as 1).
    /// - Throws: `StorageError.invalidCursor`, `StorageError.unreadableRow`, `StorageError.unavailable`.
    public func query(_ query: AuditQuery) async throws -> AuditPage {
        let pageQuery = try AuditPageQuery(query)
        let logger = database.statementLogger
        return try await database.withTransaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            return try await pageQuery.fetch(on: connection, logger: logger)
        }
    }

    /// Appends `records` in order in one transaction (bulk loads in tests and imports).
    package func append(contentsOf records: [AuditRecord]) async throws {
        let rows = try records.map(AuditRecordRow.init)
        let logger = database.statementLogger
        try await database.withTransaction { connection in
            for row in rows { try await row.insert(on: connection, logger: logger) }
        }
    }
}

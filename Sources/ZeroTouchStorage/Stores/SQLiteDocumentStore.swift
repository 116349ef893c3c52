public import Foundation
import GRDB
public import ZeroTouchCore

/// Configuration documents in the `documents` table, with the store version in `store_versions`.
///
/// `apply` is one write transaction: the changes, the version increment and the audit record
/// commit together or not at all, and the commit is synced to disk before it returns.
public struct SQLiteDocumentStore: DocumentStore {
    private let database: SQLiteDatabase
    private let clock: any WallClock

    /// A document store over `database`; `clock` stamps `updated_at`.
    public init(database: SQLiteDatabase, clock: any WallClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// The document `id` in `collection`, or `nil`.
    public func document(_ collection: String, id: String) async throws -> Data? {
        try await database.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM documents WHERE collection = ? AND id = ?", arguments: [collection, id])
        }
    }

    /// Every document in `collection`, ordered by id (byte order; PostgreSQL: `COLLATE "C"`).
    public func documents(_ collection: String) async throws -> [(id: String, body: Data)] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, body FROM documents WHERE collection = ? ORDER BY id", arguments: [collection])
                .map { (id: try $0.decode(forColumn: "id"), body: try $0.decode(forColumn: "body")) }
        }
    }

    /// Applies `changes` in order, increments the version and appends `audit`, in one transaction.
    /// The version grows on every successful call, even one with no changes.
    /// - Returns: the new version.
    /// - Throws: `StorageError.documentTooLarge` or `StorageError.auditDetailsTooLarge` before
    ///   anything is written; `DocumentStoreError.alreadyExists` for an `insert` of an existing
    ///   document, after rolling back every change of the call; GRDB's `DatabaseError`.
    @discardableResult
    public func apply(_ changes: [DocumentChange], audit: AuditRecord?) async throws -> Int64 {
        try Self.checkSizes(of: changes)
        let auditRow = try audit.map(AuditRecordRow.init)
        let updatedAt = clock.now.unixMicroseconds
        return try await database.pool.write { db in
            for change in changes {
                try Self.perform(change, updatedAt: updatedAt, in: db)
            }
            try db.execute(sql: "UPDATE store_versions SET version = version + 1 WHERE name = 'documents'")
            try auditRow?.insert(into: db)
            return try Self.currentVersion(db)
        }
    }

    /// A number that grows with every successful `apply`.
    public func version() async throws -> Int64 {
        try await database.pool.read(Self.currentVersion)
    }

    private static func currentVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM store_versions WHERE name = 'documents'") ?? 0
    }

    private static func checkSizes(of changes: [DocumentChange]) throws {
        for change in changes {
            switch change {
            case .insert(let collection, let id, let body), .put(let collection, let id, let body):
                guard body.count <= StorageLimits.maximumDocumentBodySize else {
                    throw StorageError.documentTooLarge(
                        collection: collection, id: id, size: body.count, limit: StorageLimits.maximumDocumentBodySize)
                }
            case .delete:
                continue
            }
        }
    }

    private static func perform(_ change: DocumentChange, updatedAt: Int64, in db: Database) throws {
        switch change {
        case .insert(let collection, let id, let body):
            try db.execute(
                sql: """
                    INSERT INTO documents (collection, id, body, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (collection, id) DO NOTHING
                    """,
                arguments: [collection, id, body, updatedAt])
            guard db.changesCount == 1 else { throw DocumentStoreError.alreadyExists(collection: collection, id: id) }
        case .put(let collection, let id, let body):
            try db.execute(
                sql: """
                    INSERT INTO documents (collection, id, body, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
                    """,
                arguments: [collection, id, body, updatedAt])
        case .delete(let collection, let id):
            try db.execute(sql: "DELETE FROM documents WHERE collection = ? AND id = ?", arguments: [collection, id])
        }
    }
}

public import Foundation
import PostgresNIO
public import ZeroTouchCore

/// Configuration documents in PostgreSQL's `documents` table, with the store version in
/// `store_versions`, shared by every replica.
///
/// `apply` is one transaction that first increments the version (taking that row's lock, so
/// applies from every replica run one after another and versions follow commit order), then
/// applies the changes, appends the audit record and sends `NOTIFY` on `changeChannel` with the
/// new version as payload. PostgreSQL delivers a notification only if its transaction commits
/// (manual, `NOTIFY`), so a listener never hears of a change that was rolled back.
public struct PostgresDocumentStore: DocumentStore {
    let database: PostgresDatabase
    private let clock: any WallClock

    /// A document store over `database` (started); `clock` stamps `updated_at`.
    public init(database: PostgresDatabase, clock: any WallClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// The `LISTEN`/`NOTIFY` channel of this store's changes: `zerotouch_changes`, or
    /// `zerotouch_changes_<schema>` when the configuration names a schema (channels are per
    /// database, not per schema).
    public var changeChannel: String {
        database.configuration.schema.map { "zerotouch_changes_\($0)" } ?? "zerotouch_changes"
    }

    /// The document `id` in `collection`, or `nil`.
    public func document(_ collection: String, id: String) async throws -> Data? {
        let logger = database.statementLogger
        return try await database.withConnection { connection in
            var body: Data?
            let rows = try await connection.query(
                "SELECT body FROM documents WHERE collection = \(collection) AND id = \(id)", logger: logger)
            for try await data in rows.decode(Data.self) { body = data }
            return body
        }
    }

    /// Every document in `collection`, ordered by id (byte order, as in SQLite).
    public func documents(_ collection: String) async throws -> [(id: String, body: Data)] {
        let logger = database.statementLogger
        let rows: [Document] = try await database.withConnection { connection in
            var documents: [Document] = []
            let rows = try await connection.query(
                "SELECT id, body FROM documents WHERE collection = \(collection) ORDER BY id", logger: logger)
            for try await (id, body) in rows.decode((String, Data).self) { documents.append(Document(id: id, body: body)) }
            return documents
        }
        return rows.map { (id: $0.id, body: $0.body) }
    }

    /// Applies `changes` in order, increments the version, appends `audit` and notifies
    /// `changeChannel`, in one transaction. The version grows on every successful call.
    /// - Returns: the new version.
    /// - Throws: `StorageError.documentTooLarge` or `.auditDetailsTooLarge` before anything is
    ///   written; `DocumentStoreError.alreadyExists` for an `insert` of an existing document,
    ///   after rolling back every change and the audit record; `StorageError.unavailable`.
    @discardableResult
    public func apply(_ changes: [DocumentChange], audit: AuditRecord?) async throws -> Int64 {
        try Self.checkSizes(of: changes)
        let auditRow = try audit.map(AuditRecordRow.init)
        let updatedAt = clock.now.unixMicroseconds
        let (logger, channel) = (database.statementLogger, changeChannel)
        return try await database.withTransaction { connection in
            var version: Int64 = 0
            let rows = try await connection.query(
                "UPDATE store_versions SET version = version + 1 WHERE name = 'documents' RETURNING version", logger: logger)
            for try await value in rows.decode(Int64.self) { version = value }
            for change in changes {
                try await Self.perform(change, updatedAt: updatedAt, on: connection, logger: logger)
            }
            try await auditRow?.insert(on: connection, logger: logger)
            try await connection.query("SELECT pg_notify(\(channel), \(String(version)))", logger: logger)
            return version
        }
    }

    /// A number that grows with every successful `apply`.
    public func version() async throws -> Int64 {
        try await Self.version(on: database)
    }

    static func version(on database: PostgresDatabase) async throws -> Int64 {
        let logger = database.statementLogger
        return try await database.withConnection { connection in
            var version: Int64 = 0
            let rows = try await connection.query("SELECT version FROM store_versions WHERE name = 'documents'", logger: logger)
            for try await value in rows.decode(Int64.self) { version = value }
            return version
        }
    }

    private struct Document: Sendable {
        let id: String
        let body: Data
    }

    private static func checkSizes(of changes: [DocumentChange]) throws {
        let limit = StorageLimits.maximumDocumentBodySize
        for change in changes {
            switch change {
            case .insert(let collection, let id, let body), .put(let collection, let id, let body):
                guard body.count <= limit else {
                    throw StorageError.documentTooLarge(collection: collection, id: id, size: body.count, limit: limit)
                }
            case .delete:
                continue
            }
        }
    }

    private static func perform(_ change: DocumentChange, updatedAt: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        switch change {
        case .insert(let collection, let id, let body):
            let inserted = try await connection.query(
                """
                INSERT INTO documents (collection, id, body, updated_at) VALUES (\(collection), \(id), \(body), \(updatedAt))
                ON CONFLICT (collection, id) DO NOTHING RETURNING 1
                """,
                logger: logger
            ).collect()
            guard inserted.count == 1 else { throw DocumentStoreError.alreadyExists(collection: collection, id: id) }
        case .put(let collection, let id, let body):
            try await connection.query(
                """
                INSERT INTO documents (collection, id, body, updated_at) VALUES (\(collection), \(id), \(body), \(updatedAt))
                ON CONFLICT (collection, id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at
                """,
                logger: logger)
        case .delete(let collection, let id):
            try await connection.query("DELETE FROM documents WHERE collection = \(collection) AND id = \(id)", logger: logger)
        }
    }
}

public import Foundation
import PostgresNIO
public import ZeroTouchCore

/// Short-lived runtime state (`TransientStore`) in PostgreSQL's `transient_state` table, shared by
/// every replica (issue 8 item 2).
///
/// `consume` is one `UPDATE … SET uses = uses + 1 … RETURNING` statement: the row lock makes
/// concurrent updates of one key wait for each other, and each then increments the committed count
/// (manual §13.2.1), so exactly one caller on any replica reads `uses = 1` back.
public struct PostgresTransientStore: TransientStore {
    private let database: PostgresDatabase

    /// A store over `database` (started).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// Stores or replaces the entry and resets its use count.
    /// - Throws: `TransientStoreError`; `StorageError.unavailable` or `.statementFailed`.
    public func put(_ value: Data, kind: String, key: String, expiresAt: Date) async throws {
        try TransientStoreLimits.check(kind: kind, key: key, value: value)
        let (expires, logger) = (expiresAt.unixMicroseconds, database.statementLogger)
        try await database.withConnection { connection in
            try await connection.query(
                """
                INSERT INTO transient_state (kind, key, value, expires_at, uses) VALUES (\(kind), \(key), \(value), \(expires), 0)
                ON CONFLICT (kind, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at, uses = 0
                """,
                logger: logger)
        }
    }

    /// The value of the unexpired entry.
    public func value(kind: String, key: String, now: Date) async throws -> Data? {
        try TransientStoreLimits.check(kind: kind, key: key)
        let (cutoff, logger) = (now.unixMicroseconds, database.statementLogger)
        return try await database.withConnection { connection in
            let rows = try await connection.query(
                "SELECT value FROM transient_state WHERE kind = \(kind) AND key = \(key) AND expires_at > \(cutoff)", logger: logger)
            var value: Data?
            for try await data in rows.decode(Data.self) { value = data }
            return value
        }
    }

    /// Counts one use of the entry in one statement and reports whether it was the first.
    public func consume(kind: String, key: String) async throws -> TransientConsumption {
        try TransientStoreLimits.check(kind: kind, key: key)
        let logger = database.statementLogger
        return try await database.withConnection { connection in
            let rows = try await connection.query(
                "UPDATE transient_state SET uses = uses + 1 WHERE kind = \(kind) AND key = \(key) RETURNING value, uses", logger: logger)
            var outcome = TransientConsumption.missing
            for try await (value, uses) in rows.decode((Data, Int64).self) { outcome = uses == 1 ? .first(value) : .again(value) }
            return outcome
        }
    }

    /// Removes the entry; returns its value if it existed.
    @discardableResult
    public func remove(kind: String, key: String) async throws -> Data? {
        try TransientStoreLimits.check(kind: kind, key: key)
        let logger = database.statementLogger
        return try await database.withConnection { connection in
            let rows = try await connection.query(
                "DELETE FROM transient_state WHERE kind = \(kind) AND key = \(key) RETURNING value", logger: logger)
            var value: Data?
            for try await data in rows.decode(Data.self) { value = data }
            return value
        }
    }

    /// Removes every entry with `expires_at <= date`, through the expiry index.
    @discardableResult
    public func purgeExpired(before date: Date) async throws -> Int {
        let (cutoff, logger) = (date.unixMicroseconds, database.statementLogger)
        return try await database.withConnection { connection in
            let rows = try await connection.query(
                "WITH purged AS (DELETE FROM transient_state WHERE expires_at <= \(cutoff) RETURNING 1) SELECT count(*) FROM purged",
                logger: logger)
            var count = 0
            for try await purged in rows.decode(Int64.self) { count = Int(purged) }
            return count
        }
    }
}

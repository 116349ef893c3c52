public import Foundation
import GRDB
public import ZeroTouchCore

/// Short-lived runtime state (`TransientStore`) in the `transient_state` table, shared by every
/// process that opens the file.
///
/// `consume` is one `UPDATE … SET uses = uses + 1 … RETURNING` statement: SQLite serializes writers,
/// so of concurrent calls exactly one reads `uses = 1` back and is told `.first`.
public struct SQLiteTransientStore: TransientStore {
    private let database: SQLiteDatabase

    /// A store over `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Stores or replaces the entry and resets its use count.
    /// - Throws: `TransientStoreError` for an oversized value or key; GRDB's `DatabaseError`.
    public func put(_ value: Data, kind: String, key: String, expiresAt: Date) async throws {
        try TransientStoreLimits.check(kind: kind, key: key, value: value)
        try await database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO transient_state (kind, key, value, expires_at, uses) VALUES (?, ?, ?, ?, 0)
                    ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, uses = 0
                    """,
                arguments: [kind, key, value, expiresAt.unixMicroseconds])
        }
    }

    /// The value of the unexpired entry.
    public func value(kind: String, key: String, now: Date) async throws -> Data? {
        try TransientStoreLimits.check(kind: kind, key: key)
        return try await database.pool.read { db in
            try Data.fetchOne(
                db, sql: "SELECT value FROM transient_state WHERE kind = ? AND key = ? AND expires_at > ?",
                arguments: [kind, key, now.unixMicroseconds])
        }
    }

    /// Counts one use of the entry in one statement and reports whether it was the first.
    public func consume(kind: String, key: String) async throws -> TransientConsumption {
        try TransientStoreLimits.check(kind: kind, key: key)
        return try await database.pool.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "UPDATE transient_state SET uses = uses + 1 WHERE kind = ? AND key = ? RETURNING value, uses",
                    arguments: [kind, key])
            else { return .missing }
            let value: Data = row["value"]
            let uses: Int64 = row["uses"]
            return uses == 1 ? .first(value) : .again(value)
        }
    }

    /// Removes the entry; returns its value if it existed.
    @discardableResult
    public func remove(kind: String, key: String) async throws -> Data? {
        try TransientStoreLimits.check(kind: kind, key: key)
        return try await database.pool.write { db in
            try Data.fetchOne(
                db, sql: "DELETE FROM transient_state WHERE kind = ? AND key = ? RETURNING value", arguments: [kind, key])
        }
    }

    /// Removes every entry with `expires_at <= date`, through the expiry index.
    @discardableResult
    public func purgeExpired(before date: Date) async throws -> Int {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM transient_state WHERE expires_at <= ?", arguments: [date.unixMicroseconds])
            return db.changesCount
        }
    }
}

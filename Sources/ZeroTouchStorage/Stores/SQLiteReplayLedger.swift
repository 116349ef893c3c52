public import Foundation
import GRDB
public import ZeroTouchCore

/// The replay ledger (RFC 7523 §3 item 7, EMA-S §7.4.2) in the `replay_ledger` table.
///
/// `recordOnce` is one upsert statement. The primary key `(namespace, key)` makes exactly one of
/// any number of concurrent inserts succeed, across every process sharing the file, because SQLite
/// serializes writers (`BEGIN IMMEDIATE`); a conflicting row is overwritten only when it has
/// expired, and the number of changed rows tells the caller whether this call recorded the key.
public struct SQLiteReplayLedger: ReplayLedger {
    private struct Claim: Sendable {
        var key: String
        var namespace: String
        var expiresAt: Int64
        var now: Int64
    }

    private let database: SQLiteDatabase
    private let claims: GroupCommit<Claim, Bool>

    /// A ledger over `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
        self.claims = GroupCommit { claims in
            try await database.pool.write { db in
                try claims.map { claim in
                    try db.execute(
                        sql: """
                            INSERT INTO replay_ledger (namespace, key, expires_at, recorded_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (namespace, key) DO UPDATE
                            SET expires_at = excluded.expires_at, recorded_at = excluded.recorded_at
                            WHERE replay_ledger.expires_at <= excluded.recorded_at
                            """,
                        arguments: [claim.namespace, claim.key, claim.expiresAt, claim.now])
                    return db.changesCount == 1
                }
            }
        }
    }

    /// Records `key` in `namespace` unless a record with `expires_at > now` exists.
    /// An entry with `expires_at <= now` is expired and taken over by this call. Concurrent calls
    /// share one transaction (`GroupCommit`), each statement still deciding alone: of two claims of
    /// one key in a batch, the first wins.
    /// - Returns: `true` when this call recorded the key, `false` for a replay.
    /// - Throws: GRDB's `DatabaseError` (for example a busy timeout); callers fail closed.
    public func recordOnce(_ key: String, namespace: String, expiresAt: Date, now: Date) async throws -> Bool {
        try await claims.submit(Claim(key: key, namespace: namespace, expiresAt: expiresAt.unixMicroseconds, now: now.unixMicroseconds))
    }

    /// Removes every entry with `expires_at <= date`: the entries `recordOnce(…, now: date)` would
    /// treat as expired. Uses the `expires_at` index.
    /// - Returns: how many entries were removed.
    @discardableResult
    public func purgeExpired(before date: Date) async throws -> Int {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM replay_ledger WHERE expires_at <= ?", arguments: [date.unixMicroseconds])
            return db.changesCount
        }
    }
}

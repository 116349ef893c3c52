public import Foundation
import PostgresNIO
public import ZeroTouchCore

/// The replay ledger (RFC 7523 §3 item 7, EMA-S §7.4.2) in PostgreSQL's `replay_ledger` table,
/// shared by every replica.
///
/// `recordOnce` is one `INSERT … ON CONFLICT (namespace, key) DO UPDATE … WHERE expired RETURNING`
/// statement. The primary key makes concurrent inserts of one key wait for each other; under
/// `READ COMMITTED` the waiting ones then re-check the `WHERE` against the committed row
/// (manual §13.2.1), find it unexpired and return no row. So of any number of concurrent calls
/// on any number of replicas, exactly one gets a row back: the winner.
public struct PostgresReplayLedger: ReplayLedger {
    private let database: PostgresDatabase

    /// A ledger over `database` (started).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// Records `key` in `namespace` unless a record with `expires_at > now` exists; an entry with
    /// `expires_at <= now` is expired and taken over by this call.
    /// - Returns: `true` when this call recorded the key, `false` for a replay.
    /// - Throws: `StorageError.unavailable` or `.statementFailed`; callers fail closed.
    public func recordOnce(_ key: String, namespace: String, expiresAt: Date, now: Date) async throws -> Bool {
        let (expires, recorded) = (expiresAt.unixMicroseconds, now.unixMicroseconds)
        let logger = database.statementLogger
        return try await database.withConnection { connection in
            let rows = try await connection.query(
                """
                INSERT INTO replay_ledger (namespace, key, expires_at, recorded_at) VALUES (\(namespace), \(key), \(expires), \(recorded))
                ON CONFLICT (namespace, key) DO UPDATE
                SET expires_at = EXCLUDED.expires_at, recorded_at = EXCLUDED.recorded_at
                WHERE replay_ledger.expires_at <= EXCLUDED.recorded_at
                RETURNING 1
                """,
                logger: logger)
            return try await rows.collect().count == 1
        }
    }

    /// Removes every entry with `expires_at <= date` (what `recordOnce(…, now: date)` treats as expired).
    /// - Returns: how many entries were removed.
    @discardableResult
    public func purgeExpired(before date: Date) async throws -> Int {
        let cutoff = date.unixMicroseconds
        let logger = database.statementLogger
        return try await database.withConnection { connection in
            let rows = try await connection.query(
                "WITH purged AS (DELETE FROM replay_ledger WHERE expires_at <= \(cutoff) RETURNING 1) SELECT count(*) FROM purged",
                logger: logger)
            var count = 0
            for try await purged in rows.decode(Int64.self) { count = Int(purged) }
            return count
        }
    }
}

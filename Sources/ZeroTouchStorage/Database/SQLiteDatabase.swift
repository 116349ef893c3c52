public import Foundation
import GRDB

/// One SQLite database file shared by every store of a process, opened as a GRDB `DatabasePool`:
/// one writer connection and concurrent readers, in WAL mode.
///
/// Guarantees the stores build on:
/// - **Durable on return.** `PRAGMA synchronous = FULL` makes every commit sync the WAL before it
///   returns, so an audit record appended before a grant is answered survives a power cut.
/// - **Writers wait, they do not fail.** Every write runs in `BEGIN IMMEDIATE` with a busy
///   timeout, so processes sharing the file (replicas, the CLI) queue for the write lock.
/// - **Private.** The file is created `0600` (see `DataDirectory` for the `0700` directory).
/// - **Migrated.** Opening applies the named, append-only migrations of `StorageSchema`.
public final class SQLiteDatabase: Sendable {
    /// How long a write waits for another connection's write lock by default, in seconds.
    public static let defaultBusyTimeout: TimeInterval = 10

    /// The absolute path of the database file.
    public let path: String
    /// The connection pool; the stores of this module run their SQL on it.
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and migrates it.
    /// - Parameters:
    ///   - path: the database file; its directory must exist (use `DataDirectory.create()`).
    ///   - busyTimeout: how long a statement waits for a lock held by another connection.
    /// - Throws: a file system error, or GRDB's `DatabaseError` when the file is not a usable database.
    public init(path: String, busyTimeout: TimeInterval = SQLiteDatabase.defaultBusyTimeout) throws {
        try PrivateFiles.preparePrivateFile(atPath: path)
        var configuration = Configuration()
        configuration.label = "ZeroTouchStorage"
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB's WAL setup lowers the writer to `synchronous = NORMAL` after `prepareDatabase`
        // runs; restore FULL on the single writer connection, which lives as long as the pool.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try StorageSchema.migrate(pool)
        self.path = path
        self.pool = pool
    }

    /// Creates `directory` with safe permissions if needed, then opens its database file.
    /// - Throws: `StorageError` for an unsafe directory, or what `init(path:busyTimeout:)` throws.
    public convenience init(directory: DataDirectory, busyTimeout: TimeInterval = SQLiteDatabase.defaultBusyTimeout) throws {
        try directory.create()
        try self.init(path: directory.databasePath, busyTimeout: busyTimeout)
    }

    /// Closes every connection; later calls on the stores of this database throw.
    /// - Throws: GRDB's `DatabaseError` when a statement is still running.
    public func close() throws {
        try pool.close()
    }

    /// The value of `PRAGMA name` as the writer connection sees it (`journal_mode`, `synchronous`,
    /// `foreign_keys`, `busy_timeout`), for tests and diagnostics.
    package func pragma(_ name: String) async throws -> String? {
        precondition(name.allSatisfy { $0 == "_" || ("a"..."z").contains($0) }, "not a pragma name")
        return try await pool.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA \(name)") }
    }

    /// The identifiers of the migrations applied to this database, in the order they ran.
    package func appliedMigrations() async throws -> [String] {
        try await pool.read { try StorageSchema.migrator.completedMigrations($0) }
    }
}

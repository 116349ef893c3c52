public import Logging
public import ZeroTouchCore

/// Opens the stores `storage.url` selects: the one entry point the CLI uses, so no role knows
/// which database it runs on (STYLE.md, dependency direction: the CLI injects the SQL stores).
public enum StoreFactory {
    /// Opens (creating and migrating as needed) the database at `location` and its stores.
    ///
    /// SQLite creates the data directory `0700` and the file `0600`; its signing keys stay in the
    /// clear, protected by those modes. PostgreSQL connects, migrates under an advisory lock, and
    /// seals signing keys with `encryption`, which it therefore requires.
    /// - Parameters:
    ///   - location: from `StorageLocation(url:dataDirectory:)`.
    ///   - encryption: from `SigningKeyEncryption.configured(keyFilePath:environment:)`.
    ///   - clock: stamps document updates.
    ///   - logger: receives PostgreSQL connection events.
    /// - Throws: `StorageError.missingEncryptionKey` for PostgreSQL without `encryption`;
    ///   `StorageError.unavailable` when PostgreSQL cannot be reached in time; the SQLite
    ///   database's errors (`StorageError` for an unsafe directory, GRDB's `DatabaseError`).
    public static func open(
        _ location: StorageLocation, encryption: SigningKeyEncryption?, clock: any WallClock = SystemClock(),
        logger: Logger = Logger(label: "zerotouch.storage")
    ) async throws -> StoreSet {
        switch location {
        case .sqlite(let directory):
            let database = try SQLiteDatabase(directory: directory)
            return StoreSet(
                ledger: SQLiteReplayLedger(database: database), auditLog: SQLiteAuditLog(database: database),
                documents: SQLiteDocumentStore(database: database, clock: clock),
                signingKeys: SQLiteSigningKeyStore(database: database), transient: SQLiteTransientStore(database: database),
                close: { try database.close() })
        case .postgres(let configuration):
            guard let encryption else { throw StorageError.missingEncryptionKey }
            let database = PostgresDatabase(configuration: configuration, logger: logger)
            do {
                try await database.start()
            } catch {
                await database.close()
                throw error
            }
            return stores(on: database, encryption: encryption, clock: clock)
        }
    }

    /// The PostgreSQL stores over `database` (started); `close()` closes it.
    public static func stores(on database: PostgresDatabase, encryption: SigningKeyEncryption, clock: any WallClock = SystemClock()) -> StoreSet {
        StoreSet(
            ledger: PostgresReplayLedger(database: database), auditLog: PostgresAuditLog(database: database),
            documents: PostgresDocumentStore(database: database, clock: clock),
            signingKeys: PostgresSigningKeyStore(database: database, encryption: encryption),
            transient: PostgresTransientStore(database: database),
            close: { await database.close() })
    }
}

import GRDB

/// The schema, as named migrations that are only ever appended: a released migration is never
/// edited; a change ships as a new migration after the last one.
///
/// Portability rules, so that a PostgreSQL implementation can create the same tables:
/// plain column types (`TEXT`, `INTEGER` for 64-bit integers, `BLOB` for `BYTEA`), timestamps as
/// integer microseconds since the Unix epoch, an explicit primary key on every table, and no
/// SQLite-only construct besides `INSERT … ON CONFLICT … DO UPDATE` (which PostgreSQL shares) and
/// the `AUTOINCREMENT` sequence (PostgreSQL: `BIGINT GENERATED ALWAYS AS IDENTITY`).
enum StorageSchema {
    /// The migrator with every migration in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.replay-ledger", migrate: createReplayLedger)
        migrator.registerMigration("v1.audit-log", migrate: createAuditLog)
        migrator.registerMigration("v1.documents", migrate: createDocuments)
        migrator.registerMigration("v1.signing-keys", migrate: createSigningKeys)
        migrator.registerMigration("v2.transient-state", migrate: createTransientState)
        return migrator
    }

    /// Applies the migrations `pool` lacks.
    ///
    /// GRDB reads the applied list before running each pending migration in its own transaction,
    /// so two processes opening a new file at once can both try the same migration; the loser
    /// fails on `CREATE TABLE`. Retrying re-reads the list, so it then skips what the winner did.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = migrator
        var attempt = 1
        while true {
            do {
                return try migrator.migrate(pool)
            } catch where attempt < 3 {
                attempt += 1
            }
        }
    }

    /// Single-use identifiers (RFC 7523 §3 item 7) keyed by namespace; `expires_at` drives purging.
    private static func createReplayLedger(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE replay_ledger (
                namespace TEXT NOT NULL,
                key TEXT NOT NULL,
                expires_at INTEGER NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (namespace, key)
            );
            CREATE INDEX replay_ledger_by_expiry ON replay_ledger (expires_at);
            """)
    }

    /// Short-lived runtime state (`TransientStore`): sessions, codes, tokens by hash. `uses` counts
    /// consumptions, so single use is one `UPDATE … RETURNING`; `expires_at` drives purging.
    private static func createTransientState(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE transient_state (
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                value BLOB NOT NULL,
                expires_at INTEGER NOT NULL,
                uses INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (kind, key)
            );
            CREATE INDEX transient_state_by_expiry ON transient_state (expires_at);
            """)
    }

    /// The append-only audit trail. `sequence` orders it and is the paging cursor; every filter of
    /// `AuditQuery` has an index ending in `sequence`, so a filtered page is an index range read
    /// backwards from the cursor (see `AuditQueryStatement`).
    private static func createAuditLog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_records (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                occurred_at INTEGER NOT NULL,
                service TEXT NOT NULL,
                event TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
                actor TEXT,
                subject TEXT,
                client_id TEXT,
                resource TEXT,
                scope TEXT,
                jti TEXT,
                correlation_id TEXT,
                reason TEXT,
                details TEXT NOT NULL
            )
            """)
        // Spelled out rather than generated, so that this released migration never changes.
        try db.execute(sql: """
            CREATE INDEX audit_records_by_service ON audit_records (service, sequence);
            CREATE INDEX audit_records_by_event ON audit_records (event, sequence);
            CREATE INDEX audit_records_by_outcome ON audit_records (outcome, sequence);
            CREATE INDEX audit_records_by_actor ON audit_records (actor, sequence);
            CREATE INDEX audit_records_by_subject ON audit_records (subject, sequence);
            CREATE INDEX audit_records_by_client_id ON audit_records (client_id, sequence);
            CREATE INDEX audit_records_by_resource ON audit_records (resource, sequence);
            CREATE INDEX audit_records_by_jti ON audit_records (jti, sequence);
            CREATE INDEX audit_records_by_correlation_id ON audit_records (correlation_id, sequence);
            CREATE INDEX audit_records_by_occurred_at ON audit_records (occurred_at, sequence);
            """)
    }

    /// Configuration documents by collection and id, and the version counter replicas poll.
    private static func createDocuments(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE documents (
                collection TEXT NOT NULL,
                id TEXT NOT NULL,
                body BLOB NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (collection, id)
            );
            CREATE TABLE store_versions (
                name TEXT NOT NULL PRIMARY KEY,
                version INTEGER NOT NULL
            );
            INSERT INTO store_versions (name, version) VALUES ('documents', 0);
            """)
    }

    /// Each role's signing keys with their place in the rotation.
    private static func createSigningKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE signing_keys (
                owner TEXT NOT NULL,
                kid TEXT NOT NULL,
                algorithm TEXT NOT NULL,
                private_key_pem TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                retired_at INTEGER,
                publish_until INTEGER,
                PRIMARY KEY (owner, kid)
            )
            """)
    }
}

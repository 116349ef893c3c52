import PostgresNIO

/// The PostgreSQL schema: the migrations of `StorageSchema` under the same names, recorded in a
/// `schema_migrations` table, translated as its portability rules say: `INTEGER` → `BIGINT`,
/// `BLOB` → `BYTEA`, `AUTOINCREMENT` → `GENERATED ALWAYS AS IDENTITY`; columns that are ordered or
/// range-filtered (`event`, document and key ids) are `COLLATE "C"`, so they compare bytes as in
/// SQLite whatever the database's locale. Signing keys hold a sealed private key
/// (`SigningKeyEncryption`) instead of the PEM.
///
/// Replicas starting together: the migrator holds a session advisory lock
/// (`pg_advisory_lock`, manual §13.3.5) keyed by the schema, so one migrates while the others
/// wait and then find nothing left to do. Each migration commits in its own transaction together
/// with its `schema_migrations` row. Released migrations are never edited; a change is a new one.
enum PostgresSchema {
    /// A migration: a name shared with `StorageSchema` and its statements, run in order.
    struct Migration: Sendable {
        let name: String
        let statements: [String]
    }

    /// The first key of the advisory lock ("ZT"); the second is a hash of the schema name.
    static let lockClass: Int32 = 0x5A54

    static let migrations: [Migration] = [
        Migration(name: "v1.replay-ledger", statements: [
            """
            CREATE TABLE replay_ledger (
                namespace TEXT NOT NULL, key TEXT NOT NULL, expires_at BIGINT NOT NULL, recorded_at BIGINT NOT NULL,
                PRIMARY KEY (namespace, key))
            """,
            "CREATE INDEX replay_ledger_by_expiry ON replay_ledger (expires_at)",
        ]),
        Migration(name: "v1.audit-log", statements: [
            """
            CREATE TABLE audit_records (
                sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                occurred_at BIGINT NOT NULL,
                service TEXT NOT NULL,
                event TEXT COLLATE "C" NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
                actor TEXT, subject TEXT, client_id TEXT, resource TEXT, scope TEXT, jti TEXT,
                correlation_id TEXT, reason TEXT,
                details TEXT NOT NULL)
            """,
        ] + ["service", "event", "outcome", "actor", "subject", "client_id", "resource", "jti", "correlation_id", "occurred_at"].map {
            "CREATE INDEX audit_records_by_\($0) ON audit_records (\($0), sequence)"
        }),
        Migration(name: "v1.documents", statements: [
            """
            CREATE TABLE documents (
                collection TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, body BYTEA NOT NULL,
                updated_at BIGINT NOT NULL, PRIMARY KEY (collection, id))
            """,
            "CREATE TABLE store_versions (name TEXT NOT NULL PRIMARY KEY, version BIGINT NOT NULL)",
            "INSERT INTO store_versions (name, version) VALUES ('documents', 0)",
        ]),
        Migration(name: "v1.signing-keys", statements: [
            """
            CREATE TABLE signing_keys (
                owner TEXT COLLATE "C" NOT NULL, kid TEXT COLLATE "C" NOT NULL, algorithm TEXT NOT NULL,
                sealed_private_key TEXT NOT NULL, created_at BIGINT NOT NULL, retired_at BIGINT, publish_until BIGINT,
                PRIMARY KEY (owner, kid))
            """,
        ]),
        Migration(name: "v2.transient-state", statements: [
            """
            CREATE TABLE transient_state (
                kind TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL, value BYTEA NOT NULL,
                expires_at BIGINT NOT NULL, uses BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (kind, key))
            """,
            "CREATE INDEX transient_state_by_expiry ON transient_state (expires_at)",
        ]),
    ]

    /// Creates the configured schema if needed and applies the migrations `database` lacks,
    /// holding the advisory lock throughout.
    static func migrate(_ database: PostgresDatabase) async throws {
        let logger = database.statementLogger
        let schema = database.configuration.schema
        try await database.withConnection { connection in
            try await connection.query(
                "SELECT pg_advisory_lock(\(lockClass), hashtext(\(schema ?? "")))", logger: logger)
            do {
                try await applyPending(schema: schema, on: connection, logger: logger)
            } catch {
                // Closing the session releases its advisory lock.
                try? await connection.close()
                throw error
            }
            try await connection.query("SELECT pg_advisory_unlock(\(lockClass), hashtext(\(schema ?? "")))", logger: logger)
        }
    }

    private static func applyPending(schema: String?, on connection: PostgresConnection, logger: Logger) async throws {
        if let schema {
            let existing = try await connection.query("SELECT 1 FROM pg_namespace WHERE nspname = \(schema)", logger: logger).collect()
            if existing.isEmpty {
                try await connection.query("CREATE SCHEMA \(unescaped: "\"" + schema + "\"")", logger: logger)
            }
        }
        try await connection.query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)",
            logger: logger)
        var applied = Set<String>()
        for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
            applied.insert(name)
        }
        for migration in migrations where !applied.contains(migration.name) {
            try await connection.query("BEGIN", logger: logger)
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query(
                """
                INSERT INTO schema_migrations (name, applied_at)
                VALUES (\(migration.name), (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
                """,
                logger: logger)
            try await connection.query("COMMIT", logger: logger)
        }
    }
}

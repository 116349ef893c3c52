public import Logging
import PostgresNIO
import Synchronization

/// The PostgreSQL database shared by every replica: one PostgresNIO connection pool
/// (`PostgresClient`) that the four Postgres stores of a process run on.
///
/// Lifecycle:
/// 1. `init` builds the pool; nothing connects yet.
/// 2. `start()` launches `PostgresClient.run()` in a task this object owns, then applies the
///    migrations of `PostgresSchema` under an advisory lock, so replicas starting together migrate
///    once. It throws `StorageError.unavailable` when PostgreSQL cannot be reached in time.
/// 3. The stores run their statements; a store call on a database that is not started, or closed,
///    fails with `StorageError.unavailable(.closed)`.
/// 4. `close()` cancels the run task, which closes every connection, and waits for it.
///    Dropping the last reference without `close()` cancels the task too.
///
/// Failing closed: each operation waits at most `PostgresConfiguration.acquireTimeout` for a
/// connection, then throws `StorageError.unavailable(.connectionTimedOut)` (the HTTP layer answers
/// 503). Meanwhile the pool keeps reconnecting with backoff (capped at one minute between
/// attempts), so the process recovers by itself once PostgreSQL is back.
public final class PostgresDatabase: Sendable {
    /// Where the pool connects; `description` is safe to log.
    public let configuration: PostgresConfiguration
    let client: PostgresClient
    /// Statements log nothing: their bound values hold audit details and sealed keys.
    let statementLogger = Logger(label: "zerotouch.storage.postgres.statements", factory: { _ in SwiftLogNoOpLogHandler() })
    private let state = Mutex<RunState>(.idle)
    /// The listener tasks of `PostgresDocumentStore.changes()`, cancelled by `close()`.
    let listeners = TaskRegistry()

    private enum RunState {
        case idle
        case running(Task<Void, Never>)
        case closed
    }

    /// A pool for `configuration`; call `start()` before using the stores.
    /// - Parameter logger: receives connection events (at `info` and above only, because
    ///   PostgresNIO traces message contents).
    public init(configuration: PostgresConfiguration, logger: Logger = Logger(label: "zerotouch.storage.postgres")) {
        self.configuration = configuration
        var background = logger
        if background.logLevel < .info { background.logLevel = .info }
        client = PostgresClient(configuration: Self.clientConfiguration(configuration), backgroundLogger: background)
    }

    /// Parses `url` (see `PostgresConfiguration`), creates the pool and starts it.
    /// - Throws: `StorageError.invalidStorageURL`, or what `start()` throws (the pool is closed then).
    public static func connect(url: String, logger: Logger = Logger(label: "zerotouch.storage.postgres")) async throws -> PostgresDatabase {
        let database = PostgresDatabase(configuration: try PostgresConfiguration(url: url), logger: logger)
        do {
            try await database.start()
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    deinit {
        if case .running(let task) = state.withLock({ $0 }) { task.cancel() }
    }

    /// Starts the pool (once) and applies the pending migrations (every call; cheap when none are).
    /// - Throws: `StorageError.unavailable` when PostgreSQL is unreachable or refuses the
    ///   credentials, `StorageError.statementFailed` when a migration fails.
    public func start() async throws {
        try startPool()
        try await PostgresSchema.migrate(self)
    }

    /// Starts the pool's run task unless it runs already, without migrating (administration in tests).
    /// - Throws: `StorageError.unavailable(.closed)` after `close()`.
    package func startPool() throws {
        let client = client
        let started = state.withLock { state -> Bool in
            switch state {
            case .idle:
                state = .running(Task { await client.run() })
                return true
            case .running:
                return true
            case .closed:
                return false
            }
        }
        guard started else { throw StorageError.unavailable(.closed) }
    }

    /// Ends the listeners, closes every connection and waits until the pool has stopped. Idempotent.
    public func close() async {
        await listeners.cancelAll()
        let task = state.withLock { state -> Task<Void, Never>? in
            defer { state = .closed }
            if case .running(let task) = state { return task }
            return nil
        }
        task?.cancel()
        await task?.value
    }

    /// Whether `start()` was called and `close()` was not.
    var isRunning: Bool {
        state.withLock { if case .running = $0 { true } else { false } }
    }

    private static func clientConfiguration(_ configuration: PostgresConfiguration) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch configuration.tlsMode {
            case .disable: .disable
            case .require: .require(.makeClientConfiguration())
            }
        var client = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: tls)
        client.options.connectTimeout = configuration.connectTimeout
        client.options.maximumConnections = configuration.maximumConnections
        var parameters = [
            ("application_name", configuration.applicationName),
            ("statement_timeout", String(configuration.statementTimeout.components.seconds * 1000 +
                configuration.statementTimeout.components.attoseconds / 1_000_000_000_000_000)),
        ]
        if let schema = configuration.schema { parameters.append(("search_path", "\"\(schema)\"")) }
        client.options.additionalStartupParameters = parameters
        return client
    }
}

extension PostgresDatabase {
    /// The names of the migrations applied to this schema, in the order they ran.
    package func appliedMigrations() async throws -> [String] {
        let logger = statementLogger
        return try await withConnection { connection in
            var names: [String] = []
            let rows = try await connection.query("SELECT name FROM schema_migrations ORDER BY applied_at, name", logger: logger)
            for try await name in rows.decode(String.self) { names.append(name) }
            return names
        }
    }

    /// Runs one statement of SQL text (tests: creating and dropping schemas, reading raw rows).
    package func execute(_ sql: String) async throws -> [[String?]] {
        let logger = statementLogger
        return try await withConnection { connection in
            var result: [[String?]] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                result.append(try row.map { try $0.decode(String?.self) })
            }
            return result
        }
    }
}

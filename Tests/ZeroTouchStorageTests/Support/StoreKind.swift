import Foundation
import Synchronization
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The store implementations the contract suites run against. PostgreSQL joins when
/// `ZEROTOUCH_POSTGRES_URL` names a server (`.ci/run` always starts one), so `swift test` without
/// PostgreSQL still passes on SQLite alone.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The kinds available here: SQLite always, PostgreSQL when a test server is configured.
    static var allCases: [StoreKind] {
        PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// Runs `body` with a new, empty database, and removes it afterwards.
    @discardableResult
    func withBackend<T>(_ body: (any StoreBackend) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            try await withTemporaryDirectory { url in
                let backend = SQLiteBackend(directory: DataDirectory(path: url.appendingPathComponent("data").path))
                defer { backend.closeAll() }
                return try await body(backend)
            }
        case .postgres:
            try await PostgresTestServer.withBackend { try await body($0) }
        }
    }

    /// Runs `body` with every store over one connection pool of a new, empty database.
    @discardableResult
    func withStores<T>(clock: any WallClock = ManualClock(), _ body: (StoreSet) async throws -> T) async throws -> T {
        try await withBackend { backend in try await body(try await backend.open(clock: clock)) }
    }
}

/// One database that can be opened several times, each time with its own connection pool, as
/// separate processes (replicas, the CLI) would.
protocol StoreBackend: Sendable {
    /// Opens a new connection pool on the database, with every store over it.
    func open(clock: any WallClock) async throws -> StoreSet
}

extension StoreBackend {
    /// Opens a new connection pool on the database, stamping documents with a `ManualClock`.
    func open() async throws -> StoreSet { try await open(clock: ManualClock()) }
}

/// SQLite files in a data directory; every pool it opened is closed by `closeAll()`.
final class SQLiteBackend: StoreBackend {
    let directory: DataDirectory
    private let opened = Mutex<[SQLiteDatabase]>([])

    init(directory: DataDirectory) {
        self.directory = directory
    }

    func open(clock: any WallClock) async throws -> StoreSet {
        let database = try openDatabase()
        return StoreSet(
            ledger: SQLiteReplayLedger(database: database),
            auditLog: SQLiteAuditLog(database: database),
            documents: SQLiteDocumentStore(database: database, clock: clock),
            signingKeys: SQLiteSigningKeyStore(database: database),
            transient: SQLiteTransientStore(database: database),
            close: { try database.close() })
    }

    /// Opens a new `SQLiteDatabase` on the backend's file.
    func openDatabase() throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(directory: directory)
        opened.withLock { $0.append(database) }
        return database
    }

    func closeAll() {
        for database in opened.withLock({ $0 }) { try? database.close() }
    }
}

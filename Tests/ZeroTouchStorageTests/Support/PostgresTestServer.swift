import Foundation
import Synchronization
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The PostgreSQL server of `ZEROTOUCH_POSTGRES_URL` (started by `scripts/postgres-test-server.sh`),
/// shared by every test: each test gets a schema of its own, so tests run in parallel.
enum PostgresTestServer {
    /// The server's URL, or `nil` when PostgreSQL tests are off.
    static let url: String? = ProcessInfo.processInfo.environment["ZEROTOUCH_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether PostgreSQL tests run (for `.enabled(if:)`).
    static var isAvailable: Bool { url != nil }

    /// At most this many PostgreSQL tests at once, so their pools stay under `max_connections`.
    private static let slots = TestSlots(count: 6)

    /// A configuration for a new, unique schema, with small pools and a generous acquire timeout
    /// (the CI machine is busy).
    static func makeConfiguration() throws -> PostgresConfiguration {
        var configuration = try PostgresConfiguration(url: try #require(url))
        configuration.schema = "zt_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        configuration.maximumConnections = 3
        configuration.acquireTimeout = .seconds(20)
        return configuration
    }

    /// Runs `body` with a backend on a new schema (created by the first pool `body` opens), then
    /// drops the schema and closes every pool.
    static func withBackend<T>(_ body: (PostgresBackend) async throws -> T) async throws -> T {
        try await slots.withSlot {
            let backend = PostgresBackend(configuration: try makeConfiguration())
            let admin = try backend.openAdministration()
            do {
                let result = try await body(backend)
                await backend.dropSchema(using: admin)
                return result
            } catch {
                await backend.dropSchema(using: admin)
                throw error
            }
        }
    }
}

/// One schema of the test server; every pool it opened is closed by `dropSchema(using:)`.
final class PostgresBackend: StoreBackend {
    let configuration: PostgresConfiguration
    /// A key generated for this backend (never committed).
    let encryption: SigningKeyEncryption
    private let opened = Mutex<[PostgresDatabase]>([])

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
        encryption = try! SigningKeyEncryption(encodedKey: SigningKeyEncryption.makeEncodedKey())
    }

    func open(clock: any WallClock) async throws -> StoreSet {
        StoreFactory.stores(on: try await openDatabase(), encryption: encryption, clock: clock)
    }

    /// Opens and starts a new pool on the schema (creating and migrating it the first time).
    func openDatabase(configure: (inout PostgresConfiguration) -> Void = { _ in }) async throws -> PostgresDatabase {
        var configuration = configuration
        configure(&configuration)
        let database = PostgresDatabase(configuration: configuration)
        opened.withLock { $0.append(database) }
        try await database.start()
        return database
    }

    /// A started pool on the database outside the schema, without migrations: for dropping the
    /// schema and looking at other sessions.
    func openAdministration() throws -> PostgresDatabase {
        var configuration = configuration
        configuration.schema = nil
        configuration.applicationName = "zerotouch-test-admin"
        let database = PostgresDatabase(configuration: configuration)
        opened.withLock { $0.append(database) }
        try database.startPool()
        return database
    }

    /// Drops the schema through `admin`, then closes every pool.
    func dropSchema(using admin: PostgresDatabase) async {
        let schema = configuration.schema ?? ""
        _ = try? await admin.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
        for database in opened.withLock({ $0 }) { await database.close() }
    }
}

/// A counting semaphore for async tests.
actor TestSlots {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { available = count }

    /// Runs `body` while holding a slot.
    nonisolated func withSlot<T>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

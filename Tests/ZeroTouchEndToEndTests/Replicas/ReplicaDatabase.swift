import Foundation
import Synchronization
import ZeroTouchCore
import ZeroTouchStorage

/// A schema of its own on the PostgreSQL server of `ZEROTOUCH_POSTGRES_URL` (started by `.ci/run`
/// through `scripts/postgres-test-server.sh`), on which the replica tests open one pool per replica.
enum ReplicaDatabase {
    /// The server's URL, or `nil` when PostgreSQL tests are off (plain `swift test` without a server).
    static let url: String? = ProcessInfo.processInfo.environment["ZEROTOUCH_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the replica tests run.
    static var isAvailable: Bool { url != nil }

    /// Runs `body` with a function that opens a new pool (a "replica") on a new schema with a signing-key
    /// encryption key generated for this run; closes every pool and drops the schema afterwards.
    static func withSchema(_ body: (@Sendable () async throws -> StoreSet) async throws -> Void) async throws {
        guard let url else { throw FixtureError("ZEROTOUCH_POSTGRES_URL is not set") }
        var configuration = try PostgresConfiguration(url: url)
        configuration.schema = "zt_replicas_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        configuration.maximumConnections = 4
        configuration.acquireTimeout = .seconds(20)
        let encryption = try SigningKeyEncryption(encodedKey: SigningKeyEncryption.makeEncodedKey())
        let opened = Mutex<[PostgresDatabase]>([])
        let open: @Sendable () async throws -> StoreSet = { [configuration] in
            let database = PostgresDatabase(configuration: configuration)
            opened.withLock { $0.append(database) }
            try await database.start()
            return StoreFactory.stores(on: database, encryption: encryption)
        }
        var administration = configuration
        administration.schema = nil
        let admin = PostgresDatabase(configuration: administration)
        let outcome: Result<Void, any Error>
        do { outcome = .success(try await body(open)) } catch { outcome = .failure(error) }
        for database in opened.withLock({ $0 }) { await database.close() }
        do {
            try admin.startPool()
            _ = try await admin.execute("DROP SCHEMA IF EXISTS \"\(configuration.schema ?? "")\" CASCADE")
        } catch {}
        await admin.close()
        try outcome.get()
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// `StoreFactory` opens the stores `storage.url` selects.
@Suite("Store factory")
struct StoreFactoryTests {
    @Test("a SQLite location opens working stores in its data directory")
    func opensSQLite() async throws {
        try await withTemporaryDirectory { root async throws in
            let directory = DataDirectory(path: root.appendingPathComponent("state").path)
            let stores = try await StoreFactory.open(try StorageLocation(url: nil, dataDirectory: directory), encryption: nil)
            #expect(try await stores.ledger.recordOnce("jti", namespace: "ns", expiresAt: testEpoch + 60, now: testEpoch))
            #expect(FileManager.default.fileExists(atPath: directory.databasePath))
            try await stores.close()
        }
    }

    @Test("a PostgreSQL location without an encryption key is refused before connecting")
    func postgresNeedsEncryptionKey() async throws {
        let location = try StorageLocation(url: "postgres://zt:pw@127.0.0.1:1/zt", dataDirectory: DataDirectory())
        await #expect(throws: StorageError.missingEncryptionKey) { _ = try await StoreFactory.open(location, encryption: nil) }
    }

    @Test("a PostgreSQL location opens working stores", .enabled(if: PostgresTestServer.isAvailable))
    func opensPostgres() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let stores = try await StoreFactory.open(.postgres(backend.configuration), encryption: backend.encryption)
            let version = try await stores.documents.apply([.put(collection: "c", id: "1", body: Data("{}".utf8))], audit: nil)
            #expect(try await stores.documents.version() == version)
            try await stores.close()
        }
    }
}

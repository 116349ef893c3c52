import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// What only the SQLite implementation promises: file permissions, durability pragmas, the
/// migrations, and the data directory the CLI resolves.
@Suite("SQLite database")
struct SQLiteDatabaseTests {
    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("the data directory is created 0700 and the database and its WAL files 0600")
    func permissions() async throws {
        try await withTemporaryDirectory { root async throws in
            let directory = DataDirectory(path: root.appendingPathComponent("nested/state/zerotouch").path)
            let database = try SQLiteDatabase(directory: directory)
            defer { try? database.close() }
            _ = try await SQLiteReplayLedger(database: database).recordOnce("k", namespace: "n", expiresAt: testEpoch, now: testEpoch)
            #expect(try mode(directory.path) == 0o700)
            #expect(try mode(directory.databasePath) == 0o600)
            #expect(try mode(directory.databasePath + "-wal") == 0o600)
            #expect(try mode(directory.databasePath + "-shm") == 0o600)
        }
    }

    @Test("an existing database file with loose permissions is tightened to 0600")
    func existingFileIsTightened() async throws {
        try await withTemporaryDirectory { root async throws in
            let path = root.appendingPathComponent("loose.sqlite").path
            #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]))
            let database = try SQLiteDatabase(path: path)
            defer { try? database.close() }
            #expect(try mode(path) == 0o600)
        }
    }

    @Test("an existing data directory that others can write is refused")
    func writableDirectoryIsRefused() async throws {
        try await withTemporaryDirectory { root async throws in
            let path = root.appendingPathComponent("shared").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path)
            #expect(throws: StorageError.dataDirectoryWritableByOthers(path: path, mode: 0o777)) {
                try SQLiteDatabase(directory: DataDirectory(path: path))
            }
            #expect(!FileManager.default.fileExists(atPath: DataDirectory(path: path).databasePath))
        }
    }

    @Test("an existing private data directory is used as it is")
    func privateDirectoryIsKept() async throws {
        try await withTemporaryDirectory { root async throws in
            let path = root.appendingPathComponent("group-readable").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: path)
            let database = try SQLiteDatabase(directory: DataDirectory(path: path))
            try database.close()
            #expect(try mode(path) == 0o750)
        }
    }

    @Test("a data directory path naming a file is refused")
    func fileIsNotADirectory() async throws {
        try await withTemporaryDirectory { root async throws in
            let path = root.appendingPathComponent("plain-file").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
            #expect(throws: StorageError.notADirectory(path: path)) { try DataDirectory(path: path).create() }
        }
    }

    @Test("the data directory path resolves against the working directory, the home directory or itself")
    func dataDirectoryResolution() {
        let base = URL(fileURLWithPath: "/srv/app", isDirectory: true)
        #expect(DataDirectory(relativeTo: base).path == "/srv/app/.zerotouch")
        #expect(DataDirectory(path: "", relativeTo: base).path == "/srv/app/.zerotouch")
        #expect(DataDirectory(path: "state/zt", relativeTo: base).path == "/srv/app/state/zt")
        #expect(DataDirectory(path: "state/../other", relativeTo: base).path == "/srv/app/other")
        #expect(DataDirectory(path: "/var/lib/zerotouch", relativeTo: base).path == "/var/lib/zerotouch")
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        #expect(DataDirectory(path: "~/zt", relativeTo: base).path == home + "/zt")
        #expect(DataDirectory(path: "/var/lib/zerotouch").databasePath == "/var/lib/zerotouch/zerotouch.sqlite")
        #expect(DataDirectory().path.hasSuffix("/.zerotouch"))
    }

    @Test("the writer syncs every commit, waits for locks and enforces foreign keys")
    func pragmas() async throws {
        try await withTemporaryDirectory { root async throws in
            let database = try SQLiteDatabase(path: root.appendingPathComponent("p.sqlite").path, busyTimeout: 2.5)
            defer { try? database.close() }
            #expect(try await database.pragma("journal_mode") == "wal")
            #expect(try await database.pragma("synchronous") == "2")  // FULL
            #expect(try await database.pragma("foreign_keys") == "1")
            #expect(try await database.pragma("busy_timeout") == "2500")
        }
    }

    @Test("the migrations run once, in their released order, and reopening keeps the data")
    func migrations() async throws {
        try await withTemporaryDirectory { root async throws in
            let path = root.appendingPathComponent("m.sqlite").path
            let released = ["v1.replay-ledger", "v1.audit-log", "v1.documents", "v1.signing-keys", "v2.transient-state"]
            let first = try SQLiteDatabase(path: path)
            #expect(try await first.appliedMigrations() == released)
            try await SQLiteAuditLog(database: first).append(auditRecord("kept"))
            try first.close()
            let reopened = try SQLiteDatabase(path: path)
            defer { try? reopened.close() }
            #expect(try await reopened.appliedMigrations() == released)
            #expect(try await SQLiteAuditLog(database: reopened).query(AuditQuery()).records.map(\.id) == ["kept"])
        }
    }

    @Test("two processes creating the same new database at once both open it")
    func concurrentCreation() async throws {
        try await withTemporaryDirectory { root async throws in
            let path = root.appendingPathComponent("race.sqlite").path
            let databases = try await withThrowingTaskGroup(of: SQLiteDatabase.self) { group in
                for _ in 0..<2 { group.addTask { try SQLiteDatabase(path: path) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            defer { for database in databases { try? database.close() } }
            let (ledgerA, ledgerB) = (SQLiteReplayLedger(database: databases[0]), SQLiteReplayLedger(database: databases[1]))
            #expect(try await ledgerA.recordOnce("k", namespace: "n", expiresAt: testEpoch + 60, now: testEpoch))
            #expect(try await !ledgerB.recordOnce("k", namespace: "n", expiresAt: testEpoch + 60, now: testEpoch))
        }
    }
}

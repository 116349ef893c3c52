import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// What several replicas sharing one PostgreSQL database rely on (issue 8 items 1 and 2): each
/// replica is a `PostgresDatabase` of its own, with its own connection pool.
@Suite("PostgreSQL replicas", .enabled(if: PostgresTestServer.isAvailable), .timeLimit(.minutes(2)))
struct PostgresReplicaTests {
    @Test("50 concurrent recordOnce calls spread over two replicas record the key exactly once")
    func oneWinnerAcrossReplicas() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let replicas = [
                PostgresReplayLedger(database: try await backend.openDatabase { $0.maximumConnections = 8 }),
                PostgresReplayLedger(database: try await backend.openDatabase { $0.maximumConnections = 8 }),
            ]
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<50 {
                    let ledger = replicas[attempt % 2]
                    group.addTask {
                        try await ledger.recordOnce("jti-race", namespace: "https://idp.example", expiresAt: testEpoch + 60, now: testEpoch)
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
            let rows = try await backend.openDatabase().execute("SELECT count(*)::text FROM replay_ledger")
            #expect(rows == [["1"]])
        }
    }

    @Test("three replicas starting at once migrate once, with the same migration names as SQLite")
    func concurrentMigrations() async throws {
        let sqliteNames = try await withTemporaryDirectory { root async throws in
            let database = try SQLiteDatabase(path: root.appendingPathComponent("names.sqlite").path)
            defer { try? database.close() }
            return try await database.appliedMigrations()
        }
        try await PostgresTestServer.withBackend { backend async throws in
            let replicas = try await withThrowingTaskGroup(of: PostgresDatabase.self) { group in
                for _ in 0..<3 { group.addTask { try await backend.openDatabase() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replicas.count == 3)
            for replica in replicas {
                #expect(try await replica.appliedMigrations() == sqliteNames)
            }
            #expect(sqliteNames == ["v1.replay-ledger", "v1.audit-log", "v1.documents", "v1.signing-keys", "v2.transient-state"])
            // Starting again finds nothing to do.
            try await replicas[0].start()
            #expect(try await replicas[0].appliedMigrations() == sqliteNames)
        }
    }

    @Test("audit records appended on two replicas are all read back from either")
    func auditFromBothReplicas() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let (a, b) = (try await backend.open(), try await backend.open())
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    let log = index % 2 == 0 ? a.auditLog : b.auditLog
                    let service = index % 2 == 0 ? "as" : "idp"
                    group.addTask { try await log.append(auditRecord("r\(index)", at: TimeInterval(index), service: service)) }
                }
                try await group.waitForAll()
            }
            let fromA = try await a.auditLog.query(AuditQuery())
            let fromB = try await b.auditLog.query(AuditQuery())
            #expect(Set(fromA.records.map(\.id)) == Set((0..<20).map { "r\($0)" }))
            #expect(fromA == fromB)
            #expect(try await b.auditLog.query(AuditQuery(service: "idp")).records.count == 10)
        }
    }

    @Test("a pool whose connections the server terminated recovers without a restart")
    func recoversFromTerminatedConnections() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let name = "zt-recovery-\(UUID().uuidString.prefix(8).lowercased())"
            let replica = try await backend.openDatabase { $0.applicationName = name }
            let ledger = PostgresReplayLedger(database: replica)
            #expect(try await ledger.recordOnce("before", namespace: "ns", expiresAt: testEpoch + 60, now: testEpoch))
            let admin = try backend.openAdministration()
            let terminated = try await admin.execute(
                "SELECT pg_terminate_backend(pid, 5000)::text FROM pg_stat_activity WHERE application_name = '\(name)'")
            #expect(!terminated.isEmpty)
            var failures: [any Error] = []
            var recovered = false
            for attempt in 0..<10 where !recovered {
                do {
                    recovered = try await ledger.recordOnce("after-\(attempt)", namespace: "ns", expiresAt: testEpoch + 60, now: testEpoch)
                } catch {
                    failures.append(error)
                }
            }
            #expect(recovered)
            for failure in failures {
                guard case .unavailable = failure as? StorageError else {
                    Issue.record("expected StorageError.unavailable, got \(failure)")
                    continue
                }
            }
        }
    }
}

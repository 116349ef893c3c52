import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// Concurrent SQLite writes share transactions (group commit) without losing, reordering or
/// cross-failing anything.
@Suite("SQLite group commit")
struct GroupCommitTests {
    @Test("200 concurrent audit appends are all on disk when each returns, and a duplicate id fails only its own caller")
    func concurrentAppends() async throws {
        try await StoreKind.sqlite.withStores { stores async throws in
            let log = stores.auditLog
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    // Record 100 is appended twice: exactly one of the two must fail.
                    let id = index == 150 ? "record-100" : "record-\(index)"
                    group.addTask {
                        do {
                            try await log.append(auditRecord(id))
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { !$0 }.count == 1)
            let stored = try await log.query(AuditQuery(limit: 1000)).records
            #expect(stored.count == 199)
            #expect(Set(stored.map(\.id)).count == 199)
        }
    }

    @Test("50 concurrent claims of one jti over one pool record it once; distinct keys all record")
    func concurrentClaims() async throws {
        try await StoreKind.sqlite.withStores { stores async throws in
            let ledger = stores.ledger
            let (now, expiresAt) = (testEpoch, testEpoch + 60)
            let results = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for attempt in 0..<100 {
                    let key = attempt % 2 == 0 ? "shared" : "own-\(attempt)"
                    group.addTask { (key, try await ledger.recordOnce(key, namespace: "ns", expiresAt: expiresAt, now: now)) }
                }
                return try await group.reduce(into: [(String, Bool)]()) { $0.append($1) }
            }
            #expect(results.filter { $0.0 == "shared" && $0.1 }.count == 1)
            let distinctAllRecorded = results.filter { $0.0 != "shared" }.allSatisfy { $0.1 }
            #expect(distinctAllRecorded)
        }
    }
}

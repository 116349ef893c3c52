import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The `ReplayLedger` contract (RFC 7523 §3 item 7, EMA-S §7.4.2), run against every store kind.
@Suite("Replay ledger contract")
struct ReplayLedgerContractTests {
    private let now = testEpoch
    private var inOneMinute: Date { now.addingTimeInterval(60) }

    private func withLedger(_ kind: StoreKind, _ body: (any ReplayLedger) async throws -> Void) async throws {
        try await kind.withStores { try await body($0.ledger) }
    }

    @Test("the first record of a key wins and the next one is a replay", arguments: StoreKind.allCases)
    func firstRecordWins(kind: StoreKind) async throws {
        try await withLedger(kind) { ledger async throws in
            #expect(try await ledger.recordOnce("jti-1", namespace: "https://idp.example", expiresAt: inOneMinute, now: now))
            #expect(try await !ledger.recordOnce("jti-1", namespace: "https://idp.example", expiresAt: inOneMinute, now: now))
            let later = now.addingTimeInterval(59)
            #expect(try await !ledger.recordOnce("jti-1", namespace: "https://idp.example", expiresAt: later + 60, now: later))
        }
    }

    @Test("the same key in another namespace is recorded independently", arguments: StoreKind.allCases)
    func namespacesAreIndependent(kind: StoreKind) async throws {
        try await withLedger(kind) { ledger async throws in
            #expect(try await ledger.recordOnce("jti-1", namespace: "https://idp-a.example", expiresAt: inOneMinute, now: now))
            #expect(try await ledger.recordOnce("jti-1", namespace: "https://idp-b.example", expiresAt: inOneMinute, now: now))
            #expect(try await ledger.recordOnce("jti-2", namespace: "https://idp-a.example", expiresAt: inOneMinute, now: now))
            #expect(try await !ledger.recordOnce("jti-1", namespace: "https://idp-b.example", expiresAt: inOneMinute, now: now))
        }
    }

    @Test("an expired entry can be recorded again, from the instant it expires", arguments: StoreKind.allCases)
    func expiredEntryIsTakenOver(kind: StoreKind) async throws {
        try await withLedger(kind) { ledger async throws in
            #expect(try await ledger.recordOnce("jti-1", namespace: "ns", expiresAt: inOneMinute, now: now))
            let justBefore = inOneMinute.addingTimeInterval(-0.001)
            #expect(try await !ledger.recordOnce("jti-1", namespace: "ns", expiresAt: justBefore + 60, now: justBefore))
            // Taken over at its expiry, with the new expiry then protecting it again.
            #expect(try await ledger.recordOnce("jti-1", namespace: "ns", expiresAt: inOneMinute + 60, now: inOneMinute))
            #expect(try await !ledger.recordOnce("jti-1", namespace: "ns", expiresAt: inOneMinute + 120, now: inOneMinute + 1))
        }
    }

    @Test("purging removes the expired entries and keeps the others", arguments: StoreKind.allCases)
    func purgeRemovesOnlyExpired(kind: StoreKind) async throws {
        try await withLedger(kind) { ledger async throws in
            for (key, lifetime) in [("a", 10.0), ("b", 20.0), ("c", 30.0)] {
                #expect(try await ledger.recordOnce(key, namespace: "ns", expiresAt: now + lifetime, now: now))
            }
            #expect(try await ledger.purgeExpired(before: now + 20) == 2)
            #expect(try await ledger.purgeExpired(before: now + 20) == 0)
            // "c" survived and is still a replay; "b" was forgotten, so it records again.
            #expect(try await !ledger.recordOnce("c", namespace: "ns", expiresAt: now + 90, now: now + 20))
            #expect(try await ledger.recordOnce("b", namespace: "ns", expiresAt: now + 90, now: now + 5))
        }
    }

    @Test("50 concurrent records of one key on two connection pools have exactly one winner", arguments: StoreKind.allCases)
    func concurrentRecordsHaveOneWinner(kind: StoreKind) async throws {
        try await kind.withBackend { backend async throws in
            let pools = [try await backend.open().ledger, try await backend.open().ledger]
            let (now, expiresAt) = (now, inOneMinute)
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<50 {
                    let ledger = pools[attempt % 2]
                    group.addTask { try await ledger.recordOnce("jti-race", namespace: "ns", expiresAt: expiresAt, now: now) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }

    @Test("concurrent records of different keys on two connection pools all win", arguments: StoreKind.allCases)
    func concurrentDistinctKeysAllWin(kind: StoreKind) async throws {
        try await kind.withBackend { backend async throws in
            let pools = [try await backend.open().ledger, try await backend.open().ledger]
            let (now, expiresAt) = (now, inOneMinute)
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<40 {
                    let ledger = pools[attempt % 2]
                    group.addTask { try await ledger.recordOnce("jti-\(attempt)", namespace: "ns", expiresAt: expiresAt, now: now) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 40)
        }
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The `TransientStore` contract (issue 8 item 2: single use race-free across replicas), run against
/// every store kind.
@Suite("Transient store contract")
struct TransientStoreContractTests {
    private let now = testEpoch
    private var inOneMinute: Date { now.addingTimeInterval(60) }

    private func withStore(_ kind: StoreKind, _ body: (any TransientStore) async throws -> Void) async throws {
        try await kind.withStores { try await body($0.transient) }
    }

    @Test("a stored value reads back until it expires, then is gone", arguments: StoreKind.allCases)
    func valueReadsBackUntilExpiry(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            try await store.put(Data("one".utf8), kind: "session", key: "h1", expiresAt: inOneMinute)
            let fresh = try await store.value(kind: "session", key: "h1", now: now)
            #expect(fresh == Data("one".utf8))
            let atExpiry = try await store.value(kind: "session", key: "h1", now: inOneMinute)
            #expect(atExpiry == nil)
            let otherKind = try await store.value(kind: "code", key: "h1", now: now)
            #expect(otherKind == nil)
        }
    }

    @Test("put replaces the value and resets the use count", arguments: StoreKind.allCases)
    func putReplaces(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            try await store.put(Data("a".utf8), kind: "code", key: "h", expiresAt: inOneMinute)
            let first = try await store.consume(kind: "code", key: "h")
            #expect(first == .first(Data("a".utf8)))
            try await store.put(Data("b".utf8), kind: "code", key: "h", expiresAt: inOneMinute)
            let again = try await store.consume(kind: "code", key: "h")
            #expect(again == .first(Data("b".utf8)))
        }
    }

    @Test("consume tells the first use from every later one, and a missing entry apart", arguments: StoreKind.allCases)
    func consumeCountsUses(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            try await store.put(Data("grant".utf8), kind: "code", key: "h", expiresAt: inOneMinute)
            let outcomes = [
                try await store.consume(kind: "code", key: "h"), try await store.consume(kind: "code", key: "h"),
                try await store.consume(kind: "code", key: "h"), try await store.consume(kind: "code", key: "other"),
            ]
            #expect(outcomes == [.first(Data("grant".utf8)), .again(Data("grant".utf8)), .again(Data("grant".utf8)), .missing])
        }
    }

    @Test("remove returns the value once and the entry is gone", arguments: StoreKind.allCases)
    func removeReturnsValue(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            try await store.put(Data("s".utf8), kind: "session", key: "h", expiresAt: inOneMinute)
            let removed = try await store.remove(kind: "session", key: "h")
            let removedAgain = try await store.remove(kind: "session", key: "h")
            let consumed = try await store.consume(kind: "session", key: "h")
            #expect(removed == Data("s".utf8))
            #expect(removedAgain == nil)
            #expect(consumed == .missing)
        }
    }

    @Test("purging removes the expired entries and keeps the others", arguments: StoreKind.allCases)
    func purgeRemovesOnlyExpired(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            for (key, lifetime) in [("a", 10.0), ("b", 20.0), ("c", 30.0)] {
                try await store.put(Data(key.utf8), kind: "k", key: key, expiresAt: now + lifetime)
            }
            let purged = try await store.purgeExpired(before: now + 20)
            let purgedAgain = try await store.purgeExpired(before: now + 20)
            let survivor = try await store.value(kind: "k", key: "c", now: now)
            let gone = try await store.consume(kind: "k", key: "b")
            #expect(purged == 2)
            #expect(purgedAgain == 0)
            #expect(survivor == Data("c".utf8))
            #expect(gone == .missing)
        }
    }

    @Test("an oversized value or an empty or overlong key is refused and nothing is stored", arguments: StoreKind.allCases)
    func limitsAreEnforced(kind: StoreKind) async throws {
        try await withStore(kind) { store async throws in
            let big = Data(count: TransientStoreLimits.maximumValueSize + 1)
            await #expect(throws: TransientStoreError.valueTooLarge(kind: "k", size: big.count)) {
                try await store.put(big, kind: "k", key: "h", expiresAt: inOneMinute)
            }
            await #expect(throws: TransientStoreError.invalidKey(kind: "k")) {
                try await store.put(Data("x".utf8), kind: "k", key: "", expiresAt: inOneMinute)
            }
            let longKey = String(repeating: "k", count: TransientStoreLimits.maximumKeyLength + 1)
            await #expect(throws: TransientStoreError.invalidKey(kind: "k")) {
                try await store.put(Data("x".utf8), kind: "k", key: longKey, expiresAt: inOneMinute)
            }
            let stored = try await store.value(kind: "k", key: "h", now: now)
            #expect(stored == nil)
        }
    }

    @Test("50 concurrent consumptions of one entry on two connection pools have exactly one first", arguments: StoreKind.allCases)
    func concurrentConsumptionsHaveOneFirst(kind: StoreKind) async throws {
        try await kind.withBackend { backend async throws in
            let pools = [try await backend.open().transient, try await backend.open().transient]
            try await pools[0].put(Data("refresh".utf8), kind: "refresh", key: "race", expiresAt: inOneMinute)
            let outcomes = try await withThrowingTaskGroup(of: TransientConsumption.self) { group in
                for attempt in 0..<50 {
                    let store = pools[attempt % 2]
                    group.addTask { try await store.consume(kind: "refresh", key: "race") }
                }
                return try await group.reduce(into: [TransientConsumption]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .first(Data("refresh".utf8)) }.count == 1)
            #expect(outcomes.filter { $0 == .again(Data("refresh".utf8)) }.count == 49)
        }
    }
}

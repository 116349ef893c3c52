public import Foundation
import Synchronization
public import ZeroTouchCore

/// A `ReplayLedger` in memory, for tests, faithful to the contract: `recordOnce` is atomic (one
/// lock around the check and the insert), so of any number of concurrent calls with the same key
/// exactly one returns `true`; an expired record is replaced.
public final class InMemoryReplayLedger: ReplayLedger {
    private struct Key: Hashable {
        var namespace: String
        var key: String
    }

    private let records = Mutex<[Key: Date]>([:])

    /// An empty ledger.
    public init() {}

    /// How many records are held, expired ones included until purged.
    public var count: Int { records.withLock { $0.count } }

    /// Records `key` unless an unexpired record exists (RFC 7523 §3 item 7), atomically.
    public func recordOnce(_ key: String, namespace: String, expiresAt: Date, now: Date) async throws -> Bool {
        records.withLock { records in
            let entry = Key(namespace: namespace, key: key)
            if let existing = records[entry], existing > now { return false }
            records[entry] = expiresAt
            return true
        }
    }

    /// Forgets records that expired before `date`.
    @discardableResult
    public func purgeExpired(before date: Date) async throws -> Int {
        records.withLock { records in
            let expired = records.filter { $0.value < date }.keys
            for key in expired { records[key] = nil }
            return expired.count
        }
    }
}

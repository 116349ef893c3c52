public import Foundation
import Synchronization
public import ZeroTouchCore

/// A `TransientStore` in memory, for tests: the same contract as the SQL stores (limits, use counts,
/// expiry) under one lock, so the IdP's shared grant and session stores can be tested without a database.
public final class InMemoryTransientStore: TransientStore {
    private struct Entry {
        var value: Data
        var expiresAt: Date
        var uses: Int
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// How many entries are stored, expired ones included.
    public var count: Int { entries.withLock { $0.count } }

    public func put(_ value: Data, kind: String, key: String, expiresAt: Date) async throws {
        try TransientStoreLimits.check(kind: kind, key: key, value: value)
        entries.withLock { $0[Self.id(kind, key)] = Entry(value: value, expiresAt: expiresAt, uses: 0) }
    }

    public func value(kind: String, key: String, now: Date) async throws -> Data? {
        try TransientStoreLimits.check(kind: kind, key: key)
        return entries.withLock { entries in entries[Self.id(kind, key)].flatMap { $0.expiresAt > now ? $0.value : nil } }
    }

    public func consume(kind: String, key: String) async throws -> TransientConsumption {
        try TransientStoreLimits.check(kind: kind, key: key)
        return entries.withLock { entries in
            guard var entry = entries[Self.id(kind, key)] else { return .missing }
            entry.uses += 1
            entries[Self.id(kind, key)] = entry
            return entry.uses == 1 ? .first(entry.value) : .again(entry.value)
        }
    }

    @discardableResult
    public func remove(kind: String, key: String) async throws -> Data? {
        try TransientStoreLimits.check(kind: kind, key: key)
        return entries.withLock { $0.removeValue(forKey: Self.id(kind, key))?.value }
    }

    @discardableResult
    public func purgeExpired(before date: Date) async throws -> Int {
        entries.withLock { entries in
            let before = entries.count
            entries = entries.filter { $0.value.expiresAt > date }
            return before - entries.count
        }
    }

    private static func id(_ kind: String, _ key: String) -> String { "\(kind)\u{0}\(key)" }
}

import Foundation
import Synchronization
import ZeroTouchCore

/// The JSON the IdP's `TransientStore` entries are written in. Dates keep full precision (the
/// default `Double` strategy), so an expiry reads back exactly as it was written.
enum TransientCoding {
    static func encode(_ value: some Encodable) throws -> Data {
        try JSONEncoder().encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(T.self, from: data)
    }
}

/// The typed entries of one IdP store over a `TransientStore`: JSON values written with a purge of
/// expired entries every `purgeEvery` writes, read back by kind and key.
struct TransientRecords: Sendable {
    let store: any TransientStore
    let clock: any WallClock
    private let purge: TransientPurge

    init(store: any TransientStore, clock: any WallClock, purgeEvery: Int) {
        self.store = store
        self.clock = clock
        self.purge = TransientPurge(every: purgeEvery)
    }

    /// Stores `value` under `kind` and `key` until `expiresAt`, then purges if due.
    func write(_ value: some Encodable, kind: String, key: String, expiresAt: Date) async throws {
        try await store.put(try TransientCoding.encode(value), kind: kind, key: key, expiresAt: expiresAt)
        try await purge.afterWrite(store: store, now: clock.now)
    }

    /// The unexpired value under `kind` and `key`.
    func read<T: Decodable>(_ type: T.Type, kind: String, key: String, now: Date) async throws -> T? {
        guard let data = try await store.value(kind: kind, key: key, now: now) else { return nil }
        return try TransientCoding.decode(T.self, from: data)
    }
}

/// Purges a `TransientStore`'s expired entries once every `every` writes of this process, so the table
/// stays bounded without a scheduler; each replica purges on its own count, and a purge is idempotent.
final class TransientPurge: Sendable {
    private let every: Int
    private let writes = Mutex(0)

    init(every: Int) {
        self.every = max(1, every)
    }

    func afterWrite(store: any TransientStore, now: Date) async throws {
        let due = writes.withLock { count -> Bool in
            count += 1
            return count % every == 0
        }
        if due { try await store.purgeExpired(before: now) }
    }
}

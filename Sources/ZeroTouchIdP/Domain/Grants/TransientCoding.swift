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

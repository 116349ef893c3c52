public import Foundation
public import ZeroTouchCore

/// A `SessionStore` over a `TransientStore`: browser sessions (by cookie hash) and sign-ins in
/// progress shared by every IdP replica, so a browser that signed in on one replica is recognized by
/// the others and a login form served by one can be submitted to another (issue 8).
///
/// The table is bounded by expiry: `/authorize` creates a sign-in for anyone who asks, each lives for
/// the sign-in lifetime, and expired entries are purged every `purgeEvery` writes.
public struct TransientSessionStore: SessionStore {
    enum Kind {
        static let session = "idp.session"
        static let pendingSignIn = "idp.sign-in"
    }

    private let store: any TransientStore
    private let clock: any WallClock
    private let purge: TransientPurge

    /// A session store over `store`.
    public init(store: any TransientStore, clock: any WallClock = SystemClock(), purgeEvery: Int = 256) {
        self.store = store
        self.clock = clock
        self.purge = TransientPurge(every: purgeEvery)
    }

    public func saveSession(_ session: BrowserSession, hash: TokenHash) async throws {
        try await write(session, kind: Kind.session, key: hash.hex, expiresAt: session.expiresAt)
    }

    public func session(_ hash: TokenHash, now: Date) async throws -> BrowserSession? {
        guard let data = try await store.value(kind: Kind.session, key: hash.hex, now: now) else { return nil }
        return try TransientCoding.decode(BrowserSession.self, from: data)
    }

    public func removeSession(_ hash: TokenHash) async throws {
        try await store.remove(kind: Kind.session, key: hash.hex)
    }

    public func savePendingSignIn(_ pending: PendingSignIn) async throws {
        try await write(pending, kind: Kind.pendingSignIn, key: pending.id, expiresAt: pending.expiresAt)
    }

    public func pendingSignIn(_ id: String, now: Date) async throws -> PendingSignIn? {
        guard id.utf8.count <= TransientStoreLimits.maximumKeyLength, !id.isEmpty,
            let data = try await store.value(kind: Kind.pendingSignIn, key: id, now: now)
        else { return nil }
        return try TransientCoding.decode(PendingSignIn.self, from: data)
    }

    public func removePendingSignIn(_ id: String) async throws {
        guard id.utf8.count <= TransientStoreLimits.maximumKeyLength, !id.isEmpty else { return }
        try await store.remove(kind: Kind.pendingSignIn, key: id)
    }

    private func write(_ value: some Encodable, kind: String, key: String, expiresAt: Date) async throws {
        try await store.put(try TransientCoding.encode(value), kind: kind, key: key, expiresAt: expiresAt)
        try await purge.afterWrite(store: store, now: clock.now)
    }
}

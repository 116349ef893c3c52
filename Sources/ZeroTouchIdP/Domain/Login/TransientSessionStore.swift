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

    private let records: TransientRecords
    private var store: any TransientStore { records.store }

    /// A session store over `store`.
    public init(store: any TransientStore, clock: any WallClock = SystemClock(), purgeEvery: Int = 256) {
        self.records = TransientRecords(store: store, clock: clock, purgeEvery: purgeEvery)
    }

    public func saveSession(_ session: BrowserSession, hash: TokenHash) async throws {
        try await records.write(session, kind: Kind.session, key: hash.hex, expiresAt: session.expiresAt)
    }

    public func session(_ hash: TokenHash, now: Date) async throws -> BrowserSession? {
        try await records.read(BrowserSession.self, kind: Kind.session, key: hash.hex, now: now)
    }

    public func removeSession(_ hash: TokenHash) async throws {
        try await store.remove(kind: Kind.session, key: hash.hex)
    }

    public func savePendingSignIn(_ pending: PendingSignIn) async throws {
        try await records.write(pending, kind: Kind.pendingSignIn, key: pending.id, expiresAt: pending.expiresAt)
    }

    public func pendingSignIn(_ id: String, now: Date) async throws -> PendingSignIn? {
        guard id.utf8.count <= TransientStoreLimits.maximumKeyLength, !id.isEmpty else { return nil }
        return try await records.read(PendingSignIn.self, kind: Kind.pendingSignIn, key: id, now: now)
    }

    public func removePendingSignIn(_ id: String) async throws {
        guard id.utf8.count <= TransientStoreLimits.maximumKeyLength, !id.isEmpty else { return }
        try await store.remove(kind: Kind.pendingSignIn, key: id)
    }
}

public import Foundation
import Synchronization
public import ZeroTouchCore

/// A `SessionStore` in this process's memory, bounded: `/authorize` creates a sign-in for anyone who
/// asks, so at `capacity` the expired entries go first, then those expiring soonest.
public final class InMemorySessionStore: SessionStore {
    private struct State {
        var sessions: [TokenHash: BrowserSession] = [:]
        var pending: [String: PendingSignIn] = [:]
    }

    private let state = Mutex(State())
    private let clock: any WallClock
    public let capacity: Int

    public init(clock: any WallClock = SystemClock(), capacity: Int = 100_000) {
        self.clock = clock
        self.capacity = max(16, capacity)
    }

    public func saveSession(_ session: BrowserSession, hash: TokenHash) async throws {
        let now = clock.now
        state.withLock { state in
            if state.sessions.count >= capacity { Self.trim(&state.sessions, now: now, capacity: capacity, expiry: \.expiresAt) }
            state.sessions[hash] = session
        }
    }

    public func session(_ hash: TokenHash, now: Date) async throws -> BrowserSession? {
        state.withLock { state in state.sessions[hash].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    public func removeSession(_ hash: TokenHash) async throws {
        _ = state.withLock { $0.sessions.removeValue(forKey: hash) }
    }

    public func savePendingSignIn(_ pending: PendingSignIn) async throws {
        let now = clock.now
        state.withLock { state in
            if state.pending[pending.id] == nil, state.pending.count >= capacity {
                Self.trim(&state.pending, now: now, capacity: capacity, expiry: \.expiresAt)
            }
            state.pending[pending.id] = pending
        }
    }

    public func pendingSignIn(_ id: String, now: Date) async throws -> PendingSignIn? {
        state.withLock { state in state.pending[id].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    public func removePendingSignIn(_ id: String) async throws {
        _ = state.withLock { $0.pending.removeValue(forKey: id) }
    }

    private static func trim<Key, Value>(_ entries: inout [Key: Value], now: Date, capacity: Int, expiry: (Value) -> Date) {
        entries = entries.filter { expiry($0.value) > now }
        guard entries.count >= capacity else { return }
        let dropped = entries.sorted { expiry($0.value) < expiry($1.value) }.prefix(entries.count - capacity * 3 / 4)
        for (key, _) in dropped { entries[key] = nil }
    }
}

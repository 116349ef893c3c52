public import Foundation
import Synchronization
public import ZeroTouchCore

/// A `GrantStore` in this process's memory: one lock around each check-and-spend makes single use
/// atomic. Expired entries are purged as new ones arrive; at `capacity` entries of a kind the oldest
/// expiry goes first, so an attacker can't grow it without bound.
public final class InMemoryGrantStore: GrantStore {
    private struct State {
        var codes: [TokenHash: (grant: AuthorizationCodeGrant, redeemed: Bool)] = [:]
        var accessTokens: [TokenHash: AccessTokenGrant] = [:]
        var refreshTokens: [TokenHash: (grant: RefreshTokenGrant, spent: Bool)] = [:]
        var revokedFamilies: [RefreshFamilyID: Date] = [:]
        var writes = 0
    }

    private let state = Mutex(State())
    private let clock: any WallClock
    /// The most entries kept of each kind.
    public let capacity: Int

    public init(clock: any WallClock = SystemClock(), capacity: Int = 200_000) {
        self.clock = clock
        self.capacity = max(16, capacity)
    }

    public func saveCode(_ grant: AuthorizationCodeGrant, hash: TokenHash) async throws {
        write { $0.codes[hash] = (grant, false) }
    }

    public func redeemCode(_ hash: TokenHash) async throws -> CodeRedemption {
        state.withLock { state in
            guard let entry = state.codes[hash] else { return .unknown }
            if entry.redeemed { return .reused(entry.grant) }
            state.codes[hash] = (entry.grant, true)
            return .redeemed(entry.grant)
        }
    }

    public func saveAccessToken(_ grant: AccessTokenGrant, hash: TokenHash) async throws {
        write { $0.accessTokens[hash] = grant }
    }

    public func accessToken(_ hash: TokenHash, now: Date) async throws -> AccessTokenGrant? {
        state.withLock { state in
            guard let grant = state.accessTokens[hash], grant.expiresAt > now, state.revokedFamilies[grant.family] == nil else { return nil }
            return grant
        }
    }

    public func revokeAccessToken(_ hash: TokenHash) async throws -> AccessTokenGrant? {
        state.withLock { $0.accessTokens.removeValue(forKey: hash) }
    }

    public func saveRefreshToken(_ grant: RefreshTokenGrant, hash: TokenHash) async throws {
        write { $0.refreshTokens[hash] = (grant, false) }
    }

    public func rotateRefreshToken(_ hash: TokenHash) async throws -> RefreshRotation {
        state.withLock { state in
            guard let entry = state.refreshTokens[hash] else { return .unknown }
            if state.revokedFamilies[entry.grant.family] != nil { return .revoked(entry.grant) }
            if entry.spent {
                state.revokedFamilies[entry.grant.family] = entry.grant.expiresAt
                return .reused(entry.grant)
            }
            state.refreshTokens[hash] = (entry.grant, true)
            return .current(entry.grant)
        }
    }

    public func refreshToken(_ hash: TokenHash) async throws -> RefreshTokenGrant? {
        state.withLock { $0.refreshTokens[hash]?.grant }
    }

    public func revokeFamily(_ family: RefreshFamilyID, until expiresAt: Date) async throws {
        write { state in
            let kept = state.revokedFamilies[family].map { max($0, expiresAt) } ?? expiresAt
            state.revokedFamilies[family] = kept
        }
    }

    /// Applies `change`, purging expired entries every 256 writes or when a kind reaches capacity.
    private func write(_ change: (inout State) -> Void) {
        let now = clock.now
        state.withLock { state in
            state.writes += 1
            if state.writes % 256 == 0 || state.codes.count >= capacity || state.accessTokens.count >= capacity
                || state.refreshTokens.count >= capacity
            {
                Self.purge(&state, now: now, capacity: capacity)
            }
            change(&state)
        }
    }

    private static func purge(_ state: inout State, now: Date, capacity: Int) {
        state.codes = state.codes.filter { $0.value.grant.expiresAt > now }
        state.accessTokens = state.accessTokens.filter { $0.value.expiresAt > now }
        state.refreshTokens = state.refreshTokens.filter { $0.value.grant.expiresAt > now }
        state.revokedFamilies = state.revokedFamilies.filter { $0.value > now }
        trim(&state.codes, capacity: capacity) { $0.grant.expiresAt }
        trim(&state.accessTokens, capacity: capacity) { $0.expiresAt }
        trim(&state.refreshTokens, capacity: capacity) { $0.grant.expiresAt }
    }

    private static func trim<Value>(_ entries: inout [TokenHash: Value], capacity: Int, expiry: (Value) -> Date) {
        guard entries.count >= capacity else { return }
        let dropped = entries.sorted { expiry($0.value) < expiry($1.value) }.prefix(entries.count - capacity * 3 / 4)
        for (key, _) in dropped { entries[key] = nil }
    }
}

public import Foundation
import Synchronization

/// ID tokens whose signature and issuer were already verified, by the hash of their compact form,
/// until they expire (issue 3, "Speed": "verified ID tokens may be cached by hash").
///
/// Only the cryptographic work is cached. The time, audience and user checks run on every exchange,
/// so a cached entry never lets an expired token, another client or a suspended user through.
/// Bounded: when full, expired entries go first, then the entries closest to expiry.
public final class VerifiedIDTokenCache: Sendable {
    private let entries = Mutex<[TokenHash: IDTokenClaims]>([:])
    /// The most entries kept.
    public let capacity: Int

    public init(capacity: Int = 10_000) { self.capacity = max(1, capacity) }

    /// The verified claims of the token with `hash`, unless expired at `now`.
    public func claims(for hash: TokenHash, now: Date) -> IDTokenClaims? {
        entries.withLock { entries in
            guard let claims = entries[hash] else { return nil }
            guard claims.expiresAt > now else {
                entries[hash] = nil
                return nil
            }
            return claims
        }
    }

    /// Remembers verified `claims` for the token with `hash`.
    public func insert(_ claims: IDTokenClaims, for hash: TokenHash, now: Date) {
        guard claims.expiresAt > now else { return }
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expiresAt > now }
                if entries.count >= capacity {
                    let dropped = entries.sorted { $0.value.expiresAt < $1.value.expiresAt }.prefix(entries.count - capacity + 1)
                    for (key, _) in dropped { entries[key] = nil }
                }
            }
            entries[hash] = claims
        }
    }

    /// How many entries are held.
    public var count: Int { entries.withLock { $0.count } }
}

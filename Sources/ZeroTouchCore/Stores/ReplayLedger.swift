public import Foundation

/// Remembers single-use identifiers (`jti`, RFC 7523 §3 item 7; EMA-S §7.4.2) until they expire.
///
/// Implementations must make `recordOnce` atomic across every process sharing the store: of any
/// number of concurrent calls with the same namespace and key, exactly one returns `true`.
public protocol ReplayLedger: Sendable {
    /// Records `key` in `namespace` unless it is already recorded and not yet expired.
    /// - Parameters:
    ///   - key: the identifier, e.g. an ID-JAG `jti`.
    ///   - namespace: what scopes the key, e.g. the issuer (two issuers may use the same `jti`).
    ///   - expiresAt: when the record may be forgotten (the assertion's `exp` plus leeway).
    ///   - now: the current time; an expired record with the same key is replaced.
    /// - Returns: `true` when this call recorded the key, `false` when it was already there (a replay).
    /// - Throws: an operational error (the store is unavailable); callers fail closed.
    func recordOnce(_ key: String, namespace: String, expiresAt: Date, now: Date) async throws -> Bool

    /// Forgets every record that expired before `date`.
    /// - Returns: how many records were removed.
    @discardableResult
    func purgeExpired(before date: Date) async throws -> Int
}

public import Foundation

/// The outcome of `TransientStore.consume`: whether this call was the first to spend the entry.
public enum TransientConsumption: Sendable, Equatable {
    /// This call spent the entry: the caller may act on it (issue tokens for a code, rotate a refresh token).
    case first(Data)
    /// The entry was already spent by an earlier call, in this process or another replica.
    case again(Data)
    /// No such entry (never stored, removed, or purged after expiry).
    case missing
}

/// Short-lived runtime state shared by every replica of a role: the IdP's browser sessions, sign-ins in
/// progress, authorization codes, access tokens and refresh-token families (issue 8 item 2).
///
/// Entries are opaque bytes under a `kind` and a `key` (callers use token hashes, never tokens). Each
/// entry counts how often it was consumed, so that single use is one atomic statement: of any number
/// of concurrent `consume` calls with one key, on any number of replicas, exactly one gets `.first`
/// (RFC 6749 §4.1.2 codes used once; RFC 6749 §10.4 and OAuth 2.1 §4.3.1 refresh-token reuse detection).
public protocol TransientStore: Sendable {
    /// Stores `value`, replacing any entry with the same kind and key and resetting its use count.
    /// - Throws: `TransientStoreError.valueTooLarge`, or an operational error (the store is unavailable).
    func put(_ value: Data, kind: String, key: String, expiresAt: Date) async throws
    /// The entry's value when it exists and `expiresAt > now`.
    func value(kind: String, key: String, now: Date) async throws -> Data?
    /// Atomically counts one use of the entry, expired or not (the caller checks expiry in the value),
    /// and tells whether this was the first.
    func consume(kind: String, key: String) async throws -> TransientConsumption
    /// Removes the entry; returns its value if it existed.
    @discardableResult
    func remove(kind: String, key: String) async throws -> Data?
    /// Removes every entry with `expiresAt <= date`.
    /// - Returns: how many entries were removed.
    @discardableResult
    func purgeExpired(before date: Date) async throws -> Int
}

/// A misuse of a `TransientStore` a caller can act on.
public enum TransientStoreError: Error, Equatable, Sendable {
    /// The value exceeds `TransientStoreLimits.maximumValueSize`.
    case valueTooLarge(kind: String, size: Int)
    /// The kind or key is empty or longer than `TransientStoreLimits.maximumKeyLength`.
    case invalidKey(kind: String)
}

/// The bounds every `TransientStore` enforces, so no request can store an unbounded entry.
public enum TransientStoreLimits {
    /// The largest value, in bytes (a pending sign-in carries an authorization request of at most 8 KiB).
    public static let maximumValueSize = 32 * 1024
    /// The longest kind or key, in UTF-8 bytes.
    public static let maximumKeyLength = 256

    /// Checks `kind`, `key` and the size of `value` against the limits.
    /// - Throws: `TransientStoreError`.
    public static func check(kind: String, key: String, value: Data? = nil) throws(TransientStoreError) {
        guard !kind.isEmpty, !key.isEmpty, kind.utf8.count <= maximumKeyLength, key.utf8.count <= maximumKeyLength else {
            throw .invalidKey(kind: String(kind.prefix(64)))
        }
        if let value, value.count > maximumValueSize { throw .valueTooLarge(kind: kind, size: value.count) }
    }
}

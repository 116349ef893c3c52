import Synchronization
public import ZeroTouchCore

/// A `SigningKeyStore` in memory, for tests of key rotation and of anything that signs.
///
/// `replaceAll` swaps an owner's whole list under one lock, so it is atomic as the protocol asks.
/// `replaceAllCount` lets a test check how many writes an operation made.
public final class InMemorySigningKeyStore: SigningKeyStore {
    private let state = Mutex<(keys: [String: [StoredSigningKey]], writes: Int)>(([:], 0))

    /// Creates an empty store, or one holding `keys` per owner.
    public init(_ keys: [String: [StoredSigningKey]] = [:]) {
        state.withLock { $0.keys = keys }
    }

    /// Every stored key of `owner`.
    public func keys(owner: String) async throws -> [StoredSigningKey] {
        state.withLock { $0.keys[owner] ?? [] }
    }

    /// Replaces `owner`'s keys in one step.
    public func replaceAll(owner: String, with keys: [StoredSigningKey]) async throws {
        state.withLock {
            $0.keys[owner] = keys
            $0.writes += 1
        }
    }

    /// How many times `replaceAll` ran.
    public var replaceAllCount: Int { state.withLock { $0.writes } }
}

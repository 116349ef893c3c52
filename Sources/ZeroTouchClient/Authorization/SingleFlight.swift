import Synchronization

/// Values computed at most once at a time per key: concurrent callers share one running
/// computation, and a finished value is reused while the caller's `isUsable` accepts it.
/// Failures are not kept: the next caller starts again.
///
/// Used for discovery results and access tokens, so that connecting to many servers behind one
/// authorization server fetches its metadata once, and many requests to one server start one
/// token exchange (checklist C-31: each fetch gets a fresh ID-JAG).
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private enum Entry {
        case running(id: UInt64, Task<Value, any Error>)
        case ready(Value)
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    init() {}

    /// The value for `key`: a finished one that `isUsable` accepts, the one being computed, or a new
    /// one from `make`. When a shared computation ends with a value `isUsable` refuses (it was
    /// started for a narrower need), one more computation is started.
    /// - Throws: whatever `make` throws, as a `ZeroTouchClientError`.
    func value(
        for key: Key, isUsable: @Sendable (Value) -> Bool, make: @escaping @Sendable () async throws(ZeroTouchClientError) -> Value
    ) async throws(ZeroTouchClientError) -> Value {
        var attempts = 0
        while true {
            attempts += 1
            let (id, task): (UInt64, Task<Value, any Error>)
            switch claim(key, isUsable: isUsable, forceNew: attempts > 1, make: make) {
            case .ready(let value): return value
            case .running(let runningID, let runningTask): (id, task) = (runningID, runningTask)
            }
            let value: Value
            do {
                value = try await task.value
            } catch {
                state.withLock { state in
                    if case .running(id, _) = state.entries[key] { state.entries[key] = nil }
                }
                throw (error as? ZeroTouchClientError) ?? ZeroTouchClientError(.transportFailed, "the request was cancelled")
            }
            state.withLock { state in
                if case .running(id, _) = state.entries[key] { state.entries[key] = .ready(value) }
            }
            if isUsable(value) || attempts > 1 { return value }
        }
    }

    /// The finished value for `key`, if there is one.
    func peek(_ key: Key) -> Value? {
        state.withLock { state in
            if case .ready(let value) = state.entries[key] { return value }
            return nil
        }
    }

    /// Forgets the finished value for `key` when `matches` accepts it (a running computation is kept).
    func invalidate(_ key: Key, where matches: (Value) -> Bool = { _ in true }) {
        state.withLock { state in
            if case .ready(let value) = state.entries[key], matches(value) { state.entries[key] = nil }
        }
    }

    /// Forgets everything.
    func removeAll() { state.withLock { $0.entries.removeAll() } }

    private func claim(
        _ key: Key, isUsable: (Value) -> Bool, forceNew: Bool, make: @escaping @Sendable () async throws(ZeroTouchClientError) -> Value
    ) -> Entry {
        state.withLock { state in
            switch state.entries[key] {
            case .ready(let value) where isUsable(value): return .ready(value)
            case .running(let id, let task) where !forceNew: return .running(id: id, task)
            default:
                state.nextID += 1
                let id = state.nextID
                let task = Task<Value, any Error> { try await make() }
                state.entries[key] = .running(id: id, task)
                return .running(id: id, task)
            }
        }
    }
}

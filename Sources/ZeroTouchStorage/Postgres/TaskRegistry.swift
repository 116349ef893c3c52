import Synchronization

/// The long-running tasks a `PostgresDatabase` started for its listeners, so `close()` can cancel
/// them (each holds a pooled connection) before it stops the pool.
final class TaskRegistry: Sendable {
    private struct State {
        var nextID: UInt64 = 0
        var tasks: [UInt64: Task<Void, Never>] = [:]
        var isClosed = false
    }

    private let state = Mutex(State())

    /// Starts `operation` as a task and keeps it until it ends; after `cancelAll()`, does nothing.
    func start(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never>? {
        state.withLock { state -> Task<Void, Never>? in
            guard !state.isClosed else { return nil }
            let id = state.nextID
            state.nextID += 1
            let task = Task { [weak self] in
                await operation()
                self?.remove(id)
            }
            state.tasks[id] = task
            return task
        }
    }

    /// Cancels every task, waits for them, and refuses new ones.
    func cancelAll() async {
        let tasks = state.withLock { state in
            state.isClosed = true
            return Array(state.tasks.values)
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private func remove(_ id: UInt64) {
        _ = state.withLock { $0.tasks.removeValue(forKey: id) }
    }
}

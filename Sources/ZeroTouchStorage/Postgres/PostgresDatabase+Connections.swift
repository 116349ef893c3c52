import PostgresNIO
import Synchronization

extension PostgresDatabase {
    /// Runs `body` on a pooled connection, waiting at most `configuration.acquireTimeout` for one.
    ///
    /// The deadline covers only the wait for a connection: once `body` has a connection it runs to
    /// completion (its statements are bounded by the server's `statement_timeout`), so a write is
    /// never abandoned half-way by this timer.
    /// - Throws: `StorageError.unavailable` when no connection comes in time or the connection
    ///   fails; `StorageError.statementFailed` for a statement the server rejects; `body`'s own
    ///   `StorageError` or `DocumentStoreError` unchanged.
    func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        guard isRunning else { throw StorageError.unavailable(.closed) }
        let gate = LeaseGate()
        let (client, timeout) = (client, configuration.acquireTimeout)
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        guard gate.lease() else { throw StorageError.unavailable(.connectionTimedOut) }
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    guard gate.expire() else { return nil }
                    throw StorageError.unavailable(.connectionTimedOut)
                }
                while let next = try await group.next() {
                    if let result = next {
                        group.cancelAll()
                        return result
                    }
                }
                throw StorageError.unavailable(.connectionTimedOut)
            }
        } catch {
            if Task.isCancelled, !(error is StorageError) { throw CancellationError() }
            throw PostgresFailure.map(error, leased: gate.isLeased)
        }
    }

    /// Runs `body` inside `BEGIN` … `COMMIT` on one connection; any error rolls back and is
    /// rethrown unchanged (unlike PostgresNIO's `withTransaction`, which wraps it).
    func withTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let logger = statementLogger
        return try await withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                do {
                    try await connection.query("ROLLBACK", logger: logger)
                } catch {
                    // The connection is in an unknown state: drop it rather than return it to the pool.
                    try? await connection.close()
                }
                throw error
            }
        }
    }
}

/// Decides, exactly once, whether an operation got its connection before its deadline.
private final class LeaseGate: Sendable {
    private enum State { case waiting, leased, expired }
    private let state = Mutex(State.waiting)

    /// Marks the connection as leased; `false` when the deadline already passed.
    func lease() -> Bool {
        state.withLock { state in
            guard case .waiting = state else { return false }
            state = .leased
            return true
        }
    }

    /// Marks the deadline as passed; `false` when the connection was already leased.
    func expire() -> Bool {
        state.withLock { state in
            guard case .waiting = state else { return false }
            state = .expired
            return true
        }
    }

    var isLeased: Bool { state.withLock { if case .leased = $0 { true } else { false } } }
}

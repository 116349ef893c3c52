import Synchronization

/// Group commit for one SQLite file: writes that arrive while a transaction is being committed are
/// gathered and committed together in the next one, so concurrent requests share one `fsync`
/// instead of queueing for one each (with `synchronous=FULL`, the commit's sync costs more than
/// signing a token; BENCHMARKS.md, "Group commit").
///
/// Nothing is acknowledged early: each caller resumes only after the transaction holding its write
/// has committed, so "a grant returned to a caller is in the audit log on disk" still holds. When a
/// batch fails, its items are retried one by one, so a bad item fails only its own caller.
/// A lone write is committed at once: there is no waiting for company.
final class GroupCommit<Item: Sendable, Outcome: Sendable>: Sendable {
    private typealias Waiter = CheckedContinuation<Outcome, any Error>

    private struct State {
        var pending: [(item: Item, waiter: Waiter)] = []
        var isFlushing = false
    }

    /// The most items committed in one transaction.
    let maximumBatch: Int
    private let state = Mutex(State())
    private let commit: @Sendable ([Item]) async throws -> [Outcome]

    /// - Parameters:
    ///   - maximumBatch: the most items per transaction.
    ///   - commit: writes the items in order in one transaction and returns one outcome per item.
    init(maximumBatch: Int = 256, commit: @escaping @Sendable ([Item]) async throws -> [Outcome]) {
        self.maximumBatch = max(1, maximumBatch)
        self.commit = commit
    }

    /// Writes `item` in the next transaction and returns its outcome once that transaction committed.
    func submit(_ item: Item) async throws -> Outcome {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let startsFlushing = state.withLock { state -> Bool in
                state.pending.append((item, waiter))
                guard !state.isFlushing else { return false }
                state.isFlushing = true
                return true
            }
            if startsFlushing { Task { await self.drain() } }
        }
    }

    /// Commits batches until nothing is pending.
    private func drain() async {
        while true {
            let batch = state.withLock { state -> [(item: Item, waiter: Waiter)] in
                let batch = Array(state.pending.prefix(maximumBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.isFlushing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let outcomes = try await commit(batch.map(\.item))
                precondition(outcomes.count == batch.count, "a group commit must return one outcome per item")
                for (entry, outcome) in zip(batch, outcomes) { entry.waiter.resume(returning: outcome) }
            } catch where batch.count > 1 {
                for entry in batch {
                    do {
                        let outcomes = try await commit([entry.item])
                        entry.waiter.resume(returning: outcomes[0])
                    } catch {
                        entry.waiter.resume(throwing: error)
                    }
                }
            } catch {
                batch[0].waiter.resume(throwing: error)
            }
        }
    }
}

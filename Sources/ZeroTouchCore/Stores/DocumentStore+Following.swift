/// A `DocumentStore` that can push its version as other processes change it (PostgreSQL's
/// `LISTEN`/`NOTIFY`), so replicas pick up a change at once instead of at the next poll.
public protocol DocumentVersionFeed: Sendable {
    /// The store version, yielded once when listening starts and again after every committed change
    /// from any process. Values may repeat; compare, don't count. Ends when the store closes.
    func versionChanges() -> AsyncStream<Int64>
}

extension DocumentStore {
    /// Calls `reloadIfChanged` every `interval` and, when the store is a `DocumentVersionFeed`, also on
    /// every version it pushes, until the calling task is cancelled (issue 8 item 2: admin changes reach
    /// every replica within a second while the hot path keeps reading from memory).
    ///
    /// The poll stays as the safety net: a notification lost during a reconnection is caught by it.
    /// Errors go to `onError` and the next tick retries; callers keep serving their current snapshot.
    /// - Parameters:
    ///   - interval: the poll interval.
    ///   - reloadIfChanged: compares the store's version with the caller's snapshot and reloads.
    ///   - onError: receives failed reloads.
    public func followChanges(
        every interval: Duration, reloadIfChanged: @escaping @Sendable () async throws -> Void,
        onError: @escaping @Sendable (any Error) -> Void = { _ in }
    ) async {
        let feed = (self as? any DocumentVersionFeed)?.versionChanges()
        await withTaskGroup(of: Void.self) { group in
            if let feed {
                group.addTask {
                    for await _ in feed {
                        guard !Task.isCancelled else { return }
                        do { try await reloadIfChanged() } catch { onError(error) }
                    }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    do {
                        try await Task.sleep(for: interval)
                        try await reloadIfChanged()
                    } catch is CancellationError {
                        return
                    } catch {
                        onError(error)
                    }
                }
            }
            await group.waitForAll()
        }
    }
}

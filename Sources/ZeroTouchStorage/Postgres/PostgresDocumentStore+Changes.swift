import PostgresNIO
public import ZeroTouchCore

extension PostgresDocumentStore {
    /// The store version as it changes on any replica, through `LISTEN` on `changeChannel`
    /// (issue 8 item 2: changes reach every replica within a second).
    ///
    /// The sequence yields the current version as soon as it listens, then the version of each
    /// committed `apply` from any replica. Notifications sent while it is disconnected are lost,
    /// so after each reconnection (attempted every `retryDelay`) it yields the current version
    /// again: a consumer reloads whenever the yielded version differs from the one it holds.
    /// Values may repeat or arrive out of order under concurrency; compare, don't count.
    /// The sequence ends when the consumer stops iterating or the database is closed; listening
    /// holds one pooled connection.
    public func changes(retryDelay: Duration = .seconds(1)) -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(64))
        let (database, channel) = (database, changeChannel)
        let task = database.listeners.start {
            while !Task.isCancelled, database.isRunning {
                do {
                    try await Self.listen(on: channel, database: database, continuation: continuation)
                } catch {
                    // Reconnect below; the consumer falls back on the version it reads then.
                }
                guard !Task.isCancelled else { break }
                try? await Task.sleep(for: retryDelay)
            }
            continuation.finish()
        }
        guard let task else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private static func listen(
        on channel: String, database: PostgresDatabase, continuation: AsyncStream<Int64>.Continuation
    ) async throws {
        let logger = database.statementLogger
        try await database.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                var current: Int64 = 0
                let rows = try await connection.query("SELECT version FROM store_versions WHERE name = 'documents'", logger: logger)
                for try await value in rows.decode(Int64.self) { current = value }
                continuation.yield(current)
                for try await notification in notifications {
                    if let version = Int64(notification.payload) { continuation.yield(version) }
                }
            }
        }
    }
}

extension PostgresDocumentStore: DocumentVersionFeed {
    /// `changes()` with the default retry delay: what `DocumentStore.followChanges` listens to.
    public func versionChanges() -> AsyncStream<Int64> { changes() }
}

import Synchronization

/// Collects "listening" reports from the listeners of one environment, and the end of the service
/// group if it stops first (a port in use), so `DevEnvironment.start` can wait for the one or the other.
final class StartupMonitor: Sendable {
    enum Event: Sendable {
        case listening(role: String, port: Int)
        case stopped(reason: String)
    }

    private let stream: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    /// Reports that `role` listens on `port`.
    func listening(_ role: String, port: Int) { continuation.yield(.listening(role: role, port: port)) }

    /// Reports that the service group ended.
    func stopped(_ error: (any Error)?) {
        continuation.yield(.stopped(reason: error.map { String(describing: $0) } ?? "the services stopped"))
    }

    /// Waits until each of `roles` listens.
    /// - Throws: `DevEnvironmentError.listenerFailed` when the group stops first, or after `timeout`.
    func waitForListeners(_ roles: [String], timeout: Duration) async throws {
        let stream = self.stream
        let outcome: String? = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                var waiting = Set(roles)
                for await event in stream {
                    switch event {
                    case .listening(let role, _):
                        waiting.remove(role)
                        if waiting.isEmpty { return nil }
                    case .stopped(let reason):
                        return reason
                    }
                }
                return "the services stopped"
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return "timed out after \(timeout)"
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let outcome { throw DevEnvironmentError.listenerFailed(role: "environment", reason: outcome) }
    }
}

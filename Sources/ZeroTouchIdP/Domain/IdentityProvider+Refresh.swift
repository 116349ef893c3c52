import Foundation

extension IdentityProvider {
    /// Picks up admin changes made by the CLI or another replica: reloads the registry's snapshot whenever
    /// the store's version moves, every `interval`, until the task is cancelled. A failed check is logged
    /// by the caller's `onError` and retried at the next tick; the current snapshot keeps serving.
    public func refreshPeriodically(every interval: Duration, onError: @Sendable (any Error) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
                try await registry.reloadIfChanged()
            } catch is CancellationError {
                return
            } catch {
                onError(error)
            }
        }
    }
}

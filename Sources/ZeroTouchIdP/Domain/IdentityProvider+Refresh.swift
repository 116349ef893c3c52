import Foundation
import ZeroTouchCore

extension IdentityProvider {
    /// Picks up admin changes made by the CLI or another replica until the task is cancelled: reloads
    /// the registry's snapshot whenever the store's version moves, checked every `interval` and, on
    /// PostgreSQL, as soon as another replica's change is notified (`DocumentStore.followChanges`).
    /// A failed check is logged by the caller's `onError` and retried; the current snapshot keeps serving.
    public func refreshPeriodically(every interval: Duration, onError: @escaping @Sendable (any Error) -> Void = { _ in }) async {
        let registry = registry
        await registry.store.followChanges(every: interval, reloadIfChanged: { try await registry.reloadIfChanged() }, onError: onError)
    }
}

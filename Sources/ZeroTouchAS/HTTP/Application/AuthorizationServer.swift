public import Hummingbird
public import ZeroTouchCore
public import ZeroTouchJOSE

/// A built authorization server: the Hummingbird application plus the parts the CLI and tests
/// reach directly.
public struct AuthorizationServer: Sendable {
    /// The application; run it with `runService()`, or test it with HummingbirdTesting.
    public let application: Application<RouterResponder<ASRequestContext>>
    /// The configuration registry the routes use.
    public let registry: ASRegistry
    /// The access-token signing keys.
    public let keyRing: KeyRing
    /// The replay ledger, purged by `maintain(every:)`.
    public let replayLedger: any ReplayLedger
    /// The time source.
    public let clock: any WallClock

    /// Keeps the server's state fresh until cancelled: reloads the registry when another process
    /// (the CLI, a replica) changed the store — checked every `interval` and, on PostgreSQL, as soon as
    /// the change is notified (`DocumentStore.followChanges`) — and purges expired `jti` records every
    /// `purgeInterval`. Errors are retried at the next tick; the hot path never waits for this.
    public func maintain(every interval: Duration = .seconds(2), purgeInterval: Duration = .seconds(60)) async {
        let (registry, ledger, clock) = (registry, replayLedger, clock)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await registry.store.followChanges(every: interval, reloadIfChanged: { _ = try await registry.reloadIfChanged() })
            }
            group.addTask {
                while !Task.isCancelled {
                    _ = try? await ledger.purgeExpired(before: clock.now)
                    try? await Task.sleep(for: purgeInterval)
                }
            }
        }
    }
}

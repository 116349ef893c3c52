public import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals
public import ZeroTouchAS
public import ZeroTouchCore
public import ZeroTouchIdP
public import ZeroTouchStorage

/// The whole enterprise in one process on 127.0.0.1: the IdP, the authorization server, the issues
/// and docs MCP servers, and the gateway in front of the notes server, on one SQLite database in a
/// data directory (issue 7 item 1). `zerotouch dev` runs it until interrupted; `zerotouch demo` and
/// the end-to-end tests start it on a temporary directory and `stop()` it.
///
/// On the first start the directory is seeded with `DevOrganization` and the secrets are returned
/// once in `credentials`; later starts find the marker and keep every piece of state.
public final class DevEnvironment: Sendable {
    /// The URLs.
    public let topology: DevTopology
    /// The data directory.
    public let dataDirectory: DataDirectory
    /// The clock every role reads.
    public let clock: AdjustableClock
    /// The IdP (its registry, keys and audit trail).
    public let identityProvider: IdentityProvider
    /// The authorization server (its registry and keys).
    public let authorizationServer: AuthorizationServer
    /// The audit trail every role appends to (one database, so one trail to join).
    public let auditLog: any AuditLog
    /// The secrets made by this start's seeding; `nil` when the organization already existed.
    public let credentials: DevCredentials?
    /// When and for which ports the organization was seeded.
    public let marker: DevMarker
    /// Where the `zerotouch` CLI profile with the client secrets was written (0600).
    public let cliProfileURL: URL
    private let stores: StoreSet
    private let group: ServiceGroup
    private let running: Task<Void, any Error>
    private let maintenance: Task<Void, Never>
    private let afterStop: [@Sendable () async -> Void]
    private let isFinished = Mutex(false)

    private init(
        parts: DevEnvironmentParts, group: ServiceGroup, running: Task<Void, any Error>, maintenance: Task<Void, Never>,
        afterStop: [@Sendable () async -> Void]
    ) {
        topology = parts.topology
        dataDirectory = parts.dataDirectory
        clock = parts.clock
        identityProvider = parts.identityProvider
        authorizationServer = parts.authorizationServer
        auditLog = parts.stores.auditLog
        credentials = parts.credentials
        marker = parts.marker
        cliProfileURL = parts.cliProfileURL
        stores = parts.stores
        self.group = group
        self.running = running
        self.maintenance = maintenance
        self.afterStop = afterStop
    }

    /// Whether this start seeded the organization.
    public var isNewOrganization: Bool { credentials != nil }

    /// Opens (and on first use seeds) the data directory, starts every listener and returns once
    /// each one listens.
    /// - Throws: `DevEnvironmentError` (ports, a partial directory, a listener that cannot bind),
    ///   storage errors, or the roles' admin errors while seeding.
    public static func start(_ options: DevEnvironmentOptions) async throws -> DevEnvironment {
        let monitor = StartupMonitor()
        let parts = try await DevEnvironmentParts.assemble(options, monitor: monitor)
        let listeners: [DevListener]
        do {
            listeners = try await parts.listeners(monitor: monitor, logger: options.logger)
        } catch {
            try? await parts.stores.close()
            throw error
        }
        var configuration = ServiceGroupConfiguration(
            services: listeners.map { .init(service: $0.service) }, gracefulShutdownSignals: options.stopsOnSignals ? [.sigterm, .sigint] : [],
            logger: options.logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        let running = Task {
            do {
                try await group.run()
                monitor.stopped(nil)
            } catch {
                monitor.stopped(error)
                throw error
            }
        }
        let maintenance = Task { await parts.maintain() }
        let environment = DevEnvironment(
            parts: parts, group: group, running: running, maintenance: maintenance, afterStop: listeners.map(\.afterStop))
        do {
            try await monitor.waitForListeners(listeners.map(\.role), timeout: .seconds(30))
        } catch {
            await environment.stop()
            throw error
        }
        return environment
    }

    /// Shuts every listener down gracefully (at most 5 s, then cancels), then closes the database.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await running.result
        await finish()
    }

    /// Waits until the listeners stop: after SIGINT or SIGTERM when `stopsOnSignals`, or `stop()`.
    /// - Throws: the error that stopped a listener.
    public func waitUntilStopped() async throws {
        let result = await running.result
        await finish()
        try result.get()
    }

    /// Once: stops the maintenance loops, releases what the roles hold, closes the database.
    private func finish() async {
        guard isFinished.withLock({ finished in defer { finished = true }; return !finished }) else { return }
        maintenance.cancel()
        _ = await maintenance.value
        for release in afterStop { await release() }
        try? await stores.close()
    }
}

import Foundation
import Logging
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchDemoServers
import ZeroTouchIdP
import ZeroTouchServer
import ZeroTouchStorage

/// Everything of a `DevEnvironment` before its listeners run: the stores, the two registries with
/// their roles, the organization (seeded now or found), and the CLI profile.
struct DevEnvironmentParts: Sendable {
    var topology: DevTopology
    var dataDirectory: DataDirectory
    var clock: AdjustableClock
    var stores: StoreSet
    var identityProvider: IdentityProvider
    var authorizationServer: AuthorizationServer
    var credentials: DevCredentials?
    var marker: DevMarker
    var cliProfileURL: URL
    /// The issues server's own database (`demo-issues.sqlite`).
    var issues: IssueStore
    /// The docs server's own database (`demo-docs.sqlite`).
    var docs: DocStore

    /// The role name the authorization server reports under.
    static let authorizationServerRole = "authorization server"

    /// Opens the directory's database, resolves the ports, builds the IdP and the authorization
    /// server, and seeds the organization when the directory has none.
    /// - Throws: `DevEnvironmentError`, storage and seeding errors; the database is closed again then.
    static func assemble(_ options: DevEnvironmentOptions, monitor: StartupMonitor) async throws -> DevEnvironmentParts {
        try options.dataDirectory.create()
        let stores = try await StoreFactory.open(.sqlite(options.dataDirectory), encryption: nil, clock: options.clock)
        do {
            return try await assemble(options, stores: stores, monitor: monitor)
        } catch {
            try? await stores.close()
            throw error
        }
    }

    private static func assemble(_ options: DevEnvironmentOptions, stores: StoreSet, monitor: StartupMonitor) async throws -> DevEnvironmentParts {
        let clock = options.clock
        let found = try await stores.documents.load(DevMarker.self, from: DevMarker.collection, id: DevMarker.documentID)
        let ports = try resolvePorts(requested: options.ports, seeded: found?.ports)
        if let (role, port) = await ports.firstInUse() { throw DevEnvironmentError.portInUse(role: role, port: port) }
        let topology = DevTopology(ports: ports)
        let registry = try await IdPRegistry(
            store: stores.documents, clock: clock, passwordHasher: PasswordHasher(cost: options.passwordCost), endpointPolicy: .standard)
        let provider = IdentityProvider(
            options: IdPOptions(issuer: topology.identityProviderIssuer),
            dependencies: IdentityProviderDependencies(
                registry: registry, auditLog: stores.auditLog, signingKeys: stores.signingKeys, replayLedger: stores.ledger,
                sessions: TransientSessionStore(store: stores.transient, clock: clock),
                grants: TransientGrantStore(store: stores.transient, clock: clock), clock: clock))
        let authorizationServer = try await buildAuthorizationServer(
            settings: AuthorizationServerSettings(
                issuer: topology.authorizationServerIssuer, server: .init(host: DevTopology.host, port: ports.authorizationServer),
                logger: options.logger),
            dependencies: AuthorizationServerDependencies(
                documentStore: stores.documents, replayLedger: stores.ledger, signingKeyStore: stores.signingKeys, auditLog: stores.auditLog,
                clock: clock)
        ) { _ in monitor.listening(DevEnvironmentParts.authorizationServerRole, port: ports.authorizationServer) }
        let issues = try IssueStore(directory: options.dataDirectory, clock: clock)
        let docs = try DocStore(directory: options.dataDirectory, clock: clock)
        var credentials: DevCredentials?
        let marker: DevMarker
        if let found {
            marker = found
        } else {
            try refusePartialOrganization(registry.snapshot, authorizationServer.registry.snapshot, directory: options.dataDirectory)
            let seeder = DevSeeder(topology: topology, identityProvider: registry, authorizationServer: authorizationServer.registry)
            credentials = try await seeder.seed()
            try await DevContent.seed(issues: issues, docs: docs)
            // Whole seconds: the marker is stored as ISO 8601 without fractions, so a reloaded marker equals this one.
            let seededAt = Date(timeIntervalSince1970: clock.now.timeIntervalSince1970.rounded(.down))
            marker = DevMarker(ports: ports, seededAt: seededAt, version: ZeroTouchVersion.current)
            try await stores.documents.apply(
                [try DocumentCoding.insert(marker, in: DevMarker.collection, id: DevMarker.documentID)],
                audit: AuditRecord(
                    time: clock.now, service: "dev", event: "dev.seed", outcome: .success, actor: DevOrganization.auditActor,
                    details: ["ports": ports.description, "accounts": String(DevOrganization.accounts.count)]))
        }
        let profile = DevClientProfile(directory: options.dataDirectory)
        if let credentials { try profile.write(topology: topology, credentials: credentials) }
        return DevEnvironmentParts(
            topology: topology, dataDirectory: options.dataDirectory, clock: clock, stores: stores, identityProvider: provider,
            authorizationServer: authorizationServer, credentials: credentials, marker: marker, cliProfileURL: profile.fileURL, issues: issues,
            docs: docs)
    }

    /// The requested ports, else the seeded ones, else the defaults; requested ports must equal seeded ones.
    static func resolvePorts(requested: DevPorts?, seeded: DevPorts?) throws(DevEnvironmentError) -> DevPorts {
        let ports = requested ?? seeded ?? DevPorts()
        guard ports.isValid else { throw .invalidPorts(ports) }
        if let seeded, ports != seeded { throw .portsDiffer(seeded: seeded, requested: ports) }
        return ports
    }

    /// A directory with IdP or authorization-server data but no marker was not seeded by us (or not completely).
    private static func refusePartialOrganization(_ idp: IdPSnapshot, _ authorization: ASSnapshot, directory: DataDirectory) throws {
        let idpEmpty = idp.users.isEmpty && idp.groups.isEmpty && idp.clients.isEmpty && idp.servers.isEmpty && idp.rules.isEmpty
        let asEmpty = authorization.trustedIssuers.isEmpty && authorization.clients.isEmpty && authorization.resources.isEmpty
        guard idpEmpty && asEmpty else { throw DevEnvironmentError.partialOrganization(path: directory.path) }
    }

    /// Keeps both registries in step with changes made by `zerotouch idp …`/`as …` admin commands on
    /// the same directory, and purges expired `jti`s, until cancelled.
    func maintain() async {
        let provider = identityProvider
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await provider.refreshPeriodically(every: .seconds(2)) }
            group.addTask { await authorizationServer.maintain(every: .seconds(2)) }
        }
    }
}

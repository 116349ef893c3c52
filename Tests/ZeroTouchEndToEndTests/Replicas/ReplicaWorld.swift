import Foundation
import Hummingbird
import Logging
import ZeroTouchCommands
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchOAuth
import ZeroTouchServer
import ZeroTouchStorage
import ZeroTouchTesting

/// Two IdP replicas and two authorization-server replicas on one PostgreSQL schema (issue 8 item 5),
/// each with its own connection pool, registry, key ring and listener, as separate processes behind a
/// load balancer would be: nothing is shared but the database. Replica B of each role is configured
/// with replica A's issuer, as every replica behind one load-balanced name is.
struct ReplicaWorld: Sendable {
    static let actor = "replica-test-admin"
    static let password = "replica test password"
    static let redirectURI = "http://127.0.0.1/callback"
    static let resource = ResourceIdentifier("https://notes.replica.test/mcp")
    static let idpClientSecret = "idp-secret-" + UUID().uuidString
    static let asClientSecret = "as-secret-" + UUID().uuidString

    /// The base URLs of IdP replicas A and B.
    let identityProviders: [String]
    /// The base URLs of authorization-server replicas A and B.
    let authorizationServers: [String]
    /// The IdP's issuer (replica A's address) and the authorization server's.
    let idpIssuer: Issuer
    let asIssuer: Issuer
    /// Replica A's IdP registry, where the test makes admin changes.
    let registryA: IdPRegistry
    /// Replica A's IdP, whose key ring the test rotates.
    let providerA: IdentityProvider
    /// AS replica A's registry, where the test changes trust.
    let asRegistryA: ASRegistry
    /// The shared audit log, read through replica B's pool.
    let auditLog: any AuditLog

    /// Runs `body` with all four replicas listening; stops them and drops the schema afterwards.
    static func run(_ body: @Sendable (ReplicaWorld) async throws -> Void) async throws {
        let allocated = try await TestPorts.allocate()
        let ports = [allocated.identityProvider, allocated.authorizationServer, allocated.issues, allocated.docs]
        let (idpIssuer, asIssuer) = (Issuer("http://127.0.0.1:\(ports[0])"), Issuer("http://127.0.0.1:\(ports[2])"))
        try await ReplicaDatabase.withSchema { open in
            let stores = [try await open(), try await open(), try await open(), try await open()]
            let (clock, logger) = (SystemClock(), Logger(label: "replica-test", factory: { _ in SwiftLogNoOpLogHandler() }))
            let idpA = try await identityProvider(on: stores[0], issuer: idpIssuer, clock: clock)
            try await seedIdentityProvider(idpA.registry, asIssuer: asIssuer)
            let idpB = try await identityProvider(on: stores[1], issuer: idpIssuer, clock: clock)
            let asA = try await authorizationServer(on: stores[2], issuer: asIssuer, port: ports[2], logger: logger)
            try await seedAuthorizationServer(asA.registry, idpIssuer: idpIssuer)
            let asB = try await authorizationServer(on: stores[3], issuer: asIssuer, port: ports[3], logger: logger)
            let applications = [
                try buildIdentityProvider(idpA.provider, server: ServerSettings(host: "127.0.0.1", port: ports[0]), logger: logger),
                try buildIdentityProvider(idpB.provider, server: ServerSettings(host: "127.0.0.1", port: ports[1]), logger: logger),
            ]
            try await LoopbackApplication.run(applications[0]) {
                try await LoopbackApplication.run(applications[1]) {
                    try await LoopbackApplication.run(asA.application) {
                        try await LoopbackApplication.run(asB.application) {
                            let bases = ports.map { "http://127.0.0.1:\($0)" }
                            try await Readiness.waitUntilHealthy(bases.map { (role: "replica", url: $0) })
                            // Only LISTEN/NOTIFY brings A's later changes to B within a second: B polls every 30 s.
                            let refresh = Task { await idpB.provider.refreshPeriodically(every: .seconds(30)) }
                            let maintenance = Task { await asB.maintain(every: .seconds(30)) }
                            defer {
                                refresh.cancel()
                                maintenance.cancel()
                            }
                            try await body(
                                ReplicaWorld(
                                    identityProviders: Array(bases[0..<2]), authorizationServers: Array(bases[2..<4]), idpIssuer: idpIssuer,
                                    asIssuer: asIssuer, registryA: idpA.registry, providerA: idpA.provider,
                                    asRegistryA: asA.registry, auditLog: stores[1].auditLog))
                        }
                    }
                }
            }
        }
    }

    private static func identityProvider(
        on stores: StoreSet, issuer: Issuer, clock: any WallClock
    ) async throws -> (provider: IdentityProvider, registry: IdPRegistry) {
        let registry = try await IdPRegistry(store: stores.documents, clock: clock, passwordHasher: PasswordHasher(cost: 4), endpointPolicy: .standard)
        let provider = IdentityProvider(
            options: IdPOptions(issuer: issuer),
            dependencies: IdentityProviderDependencies(
                registry: registry, auditLog: stores.auditLog, signingKeys: stores.signingKeys, replayLedger: stores.ledger,
                sessions: TransientSessionStore(store: stores.transient, clock: clock),
                grants: TransientGrantStore(store: stores.transient, clock: clock), clock: clock))
        return (provider, registry)
    }

    private static func authorizationServer(on stores: StoreSet, issuer: Issuer, port: Int, logger: Logger) async throws -> AuthorizationServer {
        try await buildAuthorizationServer(
            settings: AuthorizationServerSettings(issuer: issuer, server: ServerSettings(host: "127.0.0.1", port: port), logger: logger),
            dependencies: AuthorizationServerDependencies(
                documentStore: stores.documents, replayLedger: stores.ledger, signingKeyStore: stores.signingKeys, auditLog: stores.auditLog))
    }

    private static func seedIdentityProvider(_ registry: IdPRegistry, asIssuer: Issuer) async throws {
        let alice = try await registry.createUser(
            UserDetails(username: "alice", email: "alice@example.com", displayName: "Alice"), password: password, by: actor)
        let group = try await registry.createGroup(name: "engineering", by: actor)
        try await registry.addMember(alice.id, to: group.id, by: actor)
        let server = MCPServerID("notes")
        _ = try await registry.createServer(
            MCPServer(
                id: server, name: "Notes", description: "", resource: resource, authorizationServer: asIssuer,
                scopes: [ScopeDefinition("notes.read"), ScopeDefinition("notes.write")], createdAt: Date()),
            by: actor)
        _ = try await registry.createClient(
            ZeroTouchIdP.RegisteredClient(
                id: "cli", name: "CLI",
                credentials: ClientCredentials(clientID: "cli", method: .clientSecretBasic, secretHash: ClientSecret.hash(idpClientSecret)),
                applicationType: .native, redirectURIs: [redirectURI], serverClientIDs: [server: "cli"], createdAt: Date()),
            by: actor)
        _ = try await registry.createRule(
            PolicyRule(
                id: "engineering-notes", name: "engineering uses notes", effect: .allow, subjects: .groups(group.id), servers: [server],
                scopes: ["notes.read", "notes.write"], createdAt: Date()),
            by: actor)
    }

    private static func seedAuthorizationServer(_ registry: ASRegistry, idpIssuer: Issuer) async throws {
        try await registry.putTrustedIssuer(TrustedIssuer(issuer: idpIssuer, userMapping: .createOnFirstUse), actor: actor)
        try await registry.putResource(ZeroTouchAS.ProtectedResource(identifier: resource, scopes: ["notes.read", "notes.write"]), actor: actor)
        try await registry.putClient(
            ZeroTouchAS.RegisteredClient(
                credentials: ClientCredentials(clientID: "cli", method: .clientSecretBasic, secretHash: ClientSecret.hash(asClientSecret)),
                allowedResources: [resource], name: "CLI"),
            actor: actor)
    }
}

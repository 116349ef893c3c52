import ArgumentParser
import Hummingbird
import Logging
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchServer
import ZeroTouchStorage

/// `zerotouch as serve`: runs the authorization server until interrupted.
struct ASServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the authorization server.",
        discussion: """
            Serves RFC 8414 metadata, the JWKS, the jwt-bearer token endpoint, introspection, \
            revocation and the admin API (/admin/api, admin bearer tokens from 'zerotouch as \
            admin-token create'), plus /healthz and /metrics. Without as.issuer the issuer is \
            http://<loopback host>:<port>.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The YAML configuration file (default: $ZEROTOUCH_CONFIG).", valueName: "file"))
    var config: String?

    func run() async throws {
        let io = CommandIO.current
        let settings = try await ASSettings.load(configPath: config, io: io)
        LoggingBootstrap.bootstrap(level: settings.common.logLevel)
        let logger = Logger(label: "zerotouch.as")
        let stores = try await settings.openStores(environment: io.environment)
        let server = try await buildAuthorizationServer(
            settings: AuthorizationServerSettings(
                issuer: settings.issuer, server: settings.common.server, endpointPolicy: settings.common.endpointPolicy, logger: logger),
            dependencies: AuthorizationServerDependencies(
                documentStore: stores.documents, replayLedger: stores.ledger, signingKeyStore: stores.signingKeys, auditLog: stores.auditLog),
            onServerRunning: { issuer in logger.info("authorization server ready", metadata: ["issuer": "\(issuer)"]) })
        let maintenance = Task { await server.maintain() }
        defer { maintenance.cancel() }
        try await server.application.runService()
        maintenance.cancel()
        try await stores.close()
    }
}

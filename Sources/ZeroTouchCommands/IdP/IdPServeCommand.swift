import ArgumentParser
import Hummingbird
import Logging
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchServer
import ZeroTouchStorage

/// `zerotouch idp serve`: runs the IdP until interrupted.
struct IdPServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the identity provider.",
        discussion: """
            Serves OpenID Connect discovery and RFC 8414 metadata, the JWKS, /authorize with its sign-in \
            pages, /token (authorization_code, refresh_token, token exchange to ID-JAG), /userinfo, \
            /revoke, /logout, /mcp/servers and the admin API (/admin/api, tokens from 'zerotouch admin \
            tokens create'), plus /healthz and /metrics. Without idp.issuer the issuer is \
            http://<loopback host>:<port>.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The YAML configuration file (default: $ZEROTOUCH_CONFIG).", valueName: "file"))
    var config: String?

    func run() async throws {
        let io = CommandIO.current
        let settings = try await IdPCommandSettings.load(configPath: config, io: io)
        LoggingBootstrap.bootstrap(level: settings.idp.common.logLevel)
        let logger = Logger(label: "zerotouch.idp")
        let stores = try await settings.openStores(environment: io.environment)
        let provider = IdentityProvider(
            options: settings.idp.options,
            dependencies: IdentityProviderDependencies(
                registry: try await settings.registry(on: stores), auditLog: stores.auditLog, signingKeys: stores.signingKeys,
                replayLedger: stores.ledger, sessions: TransientSessionStore(store: stores.transient),
                grants: TransientGrantStore(store: stores.transient)))
        let application = try buildIdentityProvider(provider, server: settings.idp.common.server, logger: logger) { _ in
            logger.info("identity provider ready", metadata: ["issuer": "\((try? provider.issuer.issuer().rawValue) ?? "-")"])
        }
        let interval = settings.idp.reloadInterval
        let refresh = Task {
            await provider.refreshPeriodically(every: interval) { error in
                logger.warning("directory reload failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            }
        }
        defer { refresh.cancel() }
        try await application.runService()
        refresh.cancel()
        try await stores.close()
    }
}

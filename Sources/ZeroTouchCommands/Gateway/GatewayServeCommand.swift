import ArgumentParser
import Hummingbird
import Logging
import ZeroTouchResourceServer
import ZeroTouchServer
import ZeroTouchStorage

/// `zerotouch gateway serve`: runs the gateway until interrupted.
struct GatewayServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the gateway in front of an MCP server.",
        discussion: """
            Verifies each request's access token (issued by gateway.authorization_server for \
            gateway.resource), checks every tools/call against gateway.tool_scopes, forwards \
            the request to gateway.upstream.url (Streamable HTTP) or to a gateway.upstream.command \
            process started per session (stdio), with the user in X-ZeroTouch-* headers and \
            without the client's token, and records every tool call in the audit trail \
            (SQLite in data.directory unless storage.url is set).
            """
    )

    @Option(name: .long, help: ArgumentHelp("The YAML configuration file (default: $ZEROTOUCH_CONFIG).", valueName: "file"))
    var config: String?

    func run() async throws {
        let io = CommandIO.current
        let settings = try await GatewayServeSettings.load(configPath: config, io: io)
        LoggingBootstrap.bootstrap(level: settings.common.logLevel)
        let logger = Logger(label: "zerotouch.gateway")
        let location = try StorageLocation(url: settings.storageURL, dataDirectory: DataDirectory(path: settings.common.dataDirectory))
        let encryption = try SigningKeyEncryption.configured(keyFilePath: settings.encryptionKeyFile, environment: io.environment)
        let stores = try await StoreFactory.open(location, encryption: encryption, logger: logger)
        let gateway = MCPGateway(
            configuration: settings.gateway.configuration, verifier: settings.gateway.resourceServer.makeVerifier(logger: logger),
            auditLog: stores.auditLog, environment: io.environment, logger: logger)
        let application = try buildGatewayApplication(gateway, builder: ApplicationBuilder(server: settings.common.server, logger: logger))
        logger.info("gateway ready", metadata: ["resource": "\(settings.gateway.resourceServer.resource)", "upstream": "\(settings.gateway.upstream)"])
        try await application.runService()
        await gateway.shutdown()
        try await stores.close()
    }
}

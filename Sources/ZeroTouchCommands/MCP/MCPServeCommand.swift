import ArgumentParser
import Hummingbird
import Logging
import ZeroTouchDemoServers
import ZeroTouchResourceServer
import ZeroTouchServer
import ZeroTouchStorage

/// The `server` argument: one of the demo servers.
enum DemoServerArgument: String, CaseIterable, ExpressibleByArgument {
    case issues
    case docs

    var demo: DemoServer {
        switch self {
        case .issues: .issues
        case .docs: .docs
        }
    }
}

/// `zerotouch mcp serve issues|docs`: runs a demo MCP server until interrupted.
struct MCPServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the issues or docs MCP server.",
        discussion: """
            Serves MCP over Streamable HTTP at mcp.path (stateful sessions with SSE, or stateless \
            JSON with mcp.mode), protected by access tokens from mcp.authorization_server: RFC 9068 \
            JWTs checked with its JWKS, or introspection. Publishes RFC 9728 metadata at \
            /.well-known/oauth-protected-resource. Data lives in demo-<server>.sqlite in \
            data.directory. Required: mcp.resource and mcp.authorization_server.
            """
    )

    @Argument(help: ArgumentHelp("The server to run: issues or docs.", valueName: "server"))
    var server: DemoServerArgument

    @Option(name: .long, help: ArgumentHelp("The YAML configuration file (default: $ZEROTOUCH_CONFIG).", valueName: "file"))
    var config: String?

    func run() async throws {
        let io = CommandIO.current
        let server = self.server.demo
        let settings = try await MCPServeSettings.load(configPath: config, demo: server, io: io)
        LoggingBootstrap.bootstrap(level: settings.common.logLevel)
        let logger = Logger(label: "zerotouch.mcp.\(server.rawValue)")
        let builder = ApplicationBuilder(server: settings.common.server, logger: logger)
        let demo = try buildMCPServerApplication(
            server, settings: settings.resourceServer, dataDirectory: DataDirectory(path: settings.common.dataDirectory), builder: builder)
        logger.info("MCP server ready", metadata: ["resource": "\(settings.resourceServer.resource)", "mode": "\(settings.resourceServer.mode.rawValue)"])
        try await demo.application.runService()
        await demo.server.endpoint.shutdown()
    }
}

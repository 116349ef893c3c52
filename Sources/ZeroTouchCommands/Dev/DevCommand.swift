import ArgumentParser
import Foundation
import Logging
import ZeroTouchServer
import ZeroTouchStorage

/// `zerotouch dev`: the whole enterprise on this machine, until Ctrl-C (issue 7 item 1).
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run the IdP, the authorization server, two MCP servers and a gateway on 127.0.0.1, in one process.",
        discussion: """
            Listens on 127.0.0.1:9400 (IdP), 9401 (authorization server), 9402 (issues), 9403 (docs), \
            9404 (gateway) and 9405 (the notes server behind the gateway); --base-port moves all six. \
            State lives in one SQLite database in the data directory (default ./.zerotouch, or \
            $ZEROTOUCH_DATA_DIRECTORY). The first run seeds an organization and prints its passwords \
            once; later runs keep every change. SIGINT or SIGTERM stops it cleanly.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The data directory (default: $ZEROTOUCH_DATA_DIRECTORY or ./.zerotouch).", valueName: "path"))
    var dataDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The first of six consecutive ports (default: 9400, or the ports the directory was seeded with).", valueName: "port"))
    var basePort: Int?

    @Option(name: .long, help: ArgumentHelp("The log level of the servers' log on standard error.", valueName: "level"))
    var logLevel: Logger.Level = .notice

    @Flag(name: .long, help: .hidden)
    var stopWithParent = false

    func run() async throws {
        let io = CommandIO.current
        LoggingBootstrap.bootstrap(level: logLevel)
        let directoryArgument = dataDir ?? io.environment["ZEROTOUCH_DATA_DIRECTORY"]
        let options = DevEnvironmentOptions(
            dataDirectory: DataDirectory(path: directoryArgument), ports: basePort.map { DevPorts(base: $0) },
            logger: Logger(label: "zerotouch.dev"), stopsOnSignals: true)
        let environment: DevEnvironment
        do {
            environment = try await DevEnvironment.start(options)
        } catch let error as DevEnvironmentError {
            io.writeError("zerotouch dev: \(error)")
            throw ExitCode.failure
        }
        io.writeOutput(DevBanner(environment: environment, dataDirectoryArgument: dataDir).render())
        fflush(nil)  // the banner must reach a pipe before the first request, not at exit
        // For test harnesses that start `dev` as a child: stop when the parent dies (we are re-parented).
        let watchdog = stopWithParent ? Task { await Self.stopWhenOrphaned(environment) } : nil
        defer { watchdog?.cancel() }
        try await environment.waitUntilStopped()
        io.writeOutput("zerotouch dev stopped; the state is kept in \(environment.dataDirectory.path).")
    }

    /// Polls the parent process id twice a second; when it changes, the parent is gone.
    private static func stopWhenOrphaned(_ environment: DevEnvironment) async {
        let parent = getppid()
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            if getppid() != parent {
                await environment.stop()
                return
            }
        }
    }
}

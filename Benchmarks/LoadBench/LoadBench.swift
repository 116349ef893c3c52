import Foundation
import ZeroTouchCore

/// `LoadBench run …`: the HTTP load benchmark of issue 9 (see BENCHMARKS.md, "HTTP load").
/// `LoadBench host-mcp …`: the MCP echo servers, started as a child process by `run`.
@main
enum LoadBench {
    static func main() async throws {
        var arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
        switch arguments.command {
        case "host-mcp":
            try await MCPHost.run(
                authorizationServer: Issuer(arguments.string("--as", default: "")), basePort: arguments.int("--base-port", default: 19410),
                count: arguments.int("--count", default: 20), directPort: arguments.int("--direct-port", default: 19403))
        case "run":
            ChildProcess.stopAllOnInterrupt()
            let options = RunOptions(arguments: &arguments)
            do {
                try await LoadRun(options: options).run()
            } catch {
                exit(1)  // LoadRun printed the failure and stopped the servers
            }
        case "memory":
            ChildProcess.stopAllOnInterrupt()
            let options = RunOptions(arguments: &arguments)
            try await MemoryRun(options: options).run()
        default:
            print(
                """
                usage: LoadBench run [--duration S] [--concurrency N] [--servers N] [--rounds N] [--base-port P]
                                     [--zerotouch PATH] [--work-dir DIR] [--replicas N] [--storage-url URL]
                                     [--peers VENV] [--only a,b,c,d,peers] [--without-fsync]
                       LoadBench memory [--base-port P] [--zerotouch PATH] [--work-dir DIR]
                """)
        }
    }
}

/// The options of `run`.
struct RunOptions: Sendable {
    var duration: Duration
    var concurrency: Int
    var servers: Int
    var rounds: Int
    var basePort: Int
    var zerotouch: String
    var workDirectory: URL
    var replicas: Int
    var storageURL: String?
    var peers: String?
    var only: Set<String>
    /// Diagnostic only: start the servers with libeatmydata preloaded (fsync becomes a no-op), to
    /// separate the cost of durable commits from CPU. Never a figure to compare against a target.
    var withoutFsync: Bool

    init(arguments: inout Arguments) {
        duration = .seconds(arguments.int("--duration", default: 10))
        concurrency = arguments.int("--concurrency", default: 16)
        servers = arguments.int("--servers", default: 20)
        rounds = arguments.int("--rounds", default: 10)
        basePort = arguments.int("--base-port", default: 19400)
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        zerotouch = arguments.string("--zerotouch", default: own.appendingPathComponent("zerotouch").path)
        workDirectory = URL(
            fileURLWithPath: arguments.string("--work-dir", default: NSTemporaryDirectory() + "loadbench-\(ProcessInfo.processInfo.processIdentifier)"))
        replicas = arguments.int("--replicas", default: 1)
        storageURL = arguments.optional("--storage-url")
        peers = arguments.optional("--peers")
        only = Set(arguments.string("--only", default: "a,b,c,d,peers").split(separator: ",").map(String.init))
        withoutFsync = arguments.values.contains("--without-fsync")
    }
}

/// A minimal `--name value` parser.
struct Arguments {
    var values: [String]
    init(_ values: [String]) { self.values = values }
    var command: String? { values.first }
    func optional(_ name: String) -> String? {
        guard let index = values.firstIndex(of: name), index + 1 < values.count else { return nil }
        return values[index + 1]
    }
    func string(_ name: String, default value: String) -> String { optional(name) ?? value }
    func int(_ name: String, default value: Int) -> Int { optional(name).flatMap(Int.init) ?? value }
}

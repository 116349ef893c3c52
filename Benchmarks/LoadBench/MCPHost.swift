import Foundation
import Hummingbird
import Logging
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchResourceServer
import ZeroTouchServer

/// `LoadBench host-mcp`: the MCP side of the load test in its own process: `count` echo servers
/// behind the bearer middleware on `basePort…basePort+count-1` (each its own resource, as
/// `zerotouch mcp serve` hosts one), and the unprotected echo server on `directPort`.
/// Runs until SIGTERM (the default action ends it) or until the parent process is gone.
enum MCPHost {
    static func run(authorizationServer: Issuer, basePort: Int, count: Int, directPort: Int) async throws {
        var logger = Logger(label: "loadbench.mcp")
        logger.logLevel = .warning
        let clock = SystemClock()
        let keys = JWKSCache(fetcher: HTTPJWKSFetcher(endpointPolicy: .standard), clock: clock, logger: logger)
        var services: [@Sendable () async throws -> Void] = []
        for index in 0..<count {
            let port = basePort + index
            let resource = ResourceIdentifier("http://127.0.0.1:\(port)/mcp")
            let endpoint = MCPEndpoint(definition: EchoServer.definition, mode: .stateless, clock: clock)
            let protected = ProtectedMCPServer(
                resource: ProtectedResource(
                    identifier: resource, authorizationServers: [authorizationServer], scopesSupported: Scope([EchoServer.scope]),
                    name: "echo \(index)"),
                path: "/mcp", endpoint: endpoint,
                verifier: JWTAccessTokenVerifier(issuer: authorizationServer, resource: resource, cache: keys, clock: clock))
            let builder = ApplicationBuilder(server: .init(host: "127.0.0.1", port: port), logger: logger)
            let app = try buildProtectedMCPApplication(protected, builder: builder)
            services.append { try await app.run() }
        }
        let direct = ApplicationBuilder(server: .init(host: "127.0.0.1", port: directPort), logger: logger)
        let directApp = try EchoServer.directApplication(builder: direct)
        services.append { try await directApp.run() }
        let parent = getppid()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in services { group.addTask { try await service() } }
            group.addTask {
                while getppid() == parent, !Task.isCancelled { try await Task.sleep(for: .milliseconds(500)) }
                throw CancellationError()
            }
            _ = try? await group.next()
            group.cancelAll()
        }
    }
}

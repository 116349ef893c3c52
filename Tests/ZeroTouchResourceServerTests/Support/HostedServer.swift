import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer
import ZeroTouchServer

/// Runs a protected MCP server on a live loopback listener for one test.
enum HostedServer {
    static func run(
        _ endpoint: MCPEndpoint, verifier: any AccessTokenVerifier, resource: ProtectedResource = RSFixture.protectedResource(),
        _ body: @Sendable (_ url: String) async throws -> Void
    ) async throws {
        let server = ProtectedMCPServer(resource: resource, path: "/mcp", endpoint: endpoint, verifier: verifier)
        let app = try buildProtectedMCPApplication(server, builder: ApplicationBuilder(server: ServerSettings(), logger: Logger(label: "mcp-test")))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://localhost:\(port)/mcp")
        }
        await endpoint.shutdown()
    }
}

import Foundation
import HummingbirdTesting
import Logging
import Testing
import ZeroTouchCore
import ZeroTouchDemoServers
import ZeroTouchResourceServer
import ZeroTouchServer
import ZeroTouchStorage

/// Runs a demo server built by the production `buildMCPServerApplication`, with its data in a
/// temporary directory.
enum DemoHarness {
    static func temporaryDirectory() -> DataDirectory {
        DataDirectory(path: FileManager.default.temporaryDirectory.appendingPathComponent("zt-demo-\(UUID().uuidString)").path)
    }

    static func run(
        _ demo: DemoServer, mode: MCPHostingMode, fixture: RSFixture, directory: DataDirectory = temporaryDirectory(),
        _ body: @Sendable (_ url: String) async throws -> Void
    ) async throws {
        let settings = ResourceServerSettings(resource: RSFixture.resource, authorizationServer: RSFixture.issuer, mode: mode)
        let built = try buildMCPServerApplication(
            demo, settings: settings, dataDirectory: directory, builder: ApplicationBuilder(server: ServerSettings(), logger: Logger(label: "demo")),
            verifier: fixture.verifier, clock: fixture.clock)
        try await built.application.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://localhost:\(port)/mcp")
        }
        await built.server.endpoint.shutdown()
    }
}

extension MCPTestClient.Exchange {
    /// The tool result's `structuredContent`.
    var structured: JSONValue? { result?["structuredContent"] }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchResourceServer
import ZeroTouchServer
import ZeroTouchTesting

/// Runs a gateway in front of `upstream` on a live loopback port, with tokens verified against a
/// JWKS served over loopback HTTP (the production path: `JWKSCache` + `HTTPJWKSFetcher`).
enum GatewayHarness {
    static let resource: ResourceIdentifier = "https://gateway.example/mcp"

    static func policy() -> ToolScopePolicy {
        ToolScopePolicy(toolScopes: ["whoami": ["calc.read"], "fail": ["calc.read"]], unlistedTools: .deny)
    }

    static func run(
        upstream: GatewayUpstream, fixture: RSFixture, auditLog: InMemoryAuditLog,
        _ body: @Sendable (_ url: String) async throws -> Void
    ) async throws {
        try await JWKSServer.run(fixture.factory.jwksJSON) { jwksURL in
            let cache = JWKSCache(fetcher: HTTPJWKSFetcher(), clock: fixture.clock)
            let verifier = JWTAccessTokenVerifier(
                issuer: RSFixture.issuer, resource: resource, cache: cache, location: .jwksURI(jwksURL), clock: fixture.clock)
            let configuration = GatewayConfiguration(
                resource: ProtectedResource(identifier: resource, authorizationServers: [RSFixture.issuer], scopesSupported: ["calc.read"]),
                upstream: upstream, toolPolicy: policy())
            var environment = ProcessInfo.processInfo.environment
            environment["ZEROTOUCH_INTROSPECTION_CLIENT_SECRET"] = "must-not-leak"
            let gateway = MCPGateway(configuration: configuration, verifier: verifier, auditLog: auditLog, environment: environment, clock: fixture.clock)
            let app = try buildGatewayApplication(gateway, builder: ApplicationBuilder(server: ServerSettings(), logger: Logger(label: "gateway-test")))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await body("http://localhost:\(port)/mcp")
            }
            await gateway.shutdown()
        }
    }

    /// A token for the gateway's resource.
    static func token(_ fixture: RSFixture, subject: String = "alice", scope: String? = "calc.read", lifetime: TimeInterval = 300,
                      edit: (inout [String: JSONValue]) -> Void = { _ in }) throws -> String {
        try fixture.factory.makeAccessToken(subject: subject, resource: resource, scope: scope, issuedAt: RSFixture.now, lifetime: lifetime, edit: edit)
    }
}

public import AsyncHTTPClient
import NIOCore
public import Foundation
public import Hummingbird
public import Logging
public import ZeroTouchCore
public import ZeroTouchServer

/// `zerotouch gateway serve`: puts an existing MCP server behind Enterprise-Managed Authorization
/// with no change to it (issue 5 item 4).
///
/// The gateway publishes its own protected resource metadata (RFC 9728), verifies each access
/// token like a hosted server (`BearerAuthenticationMiddleware`), decides each `tools/call` from
/// configuration, forwards the verified identity in configurable headers while stripping the
/// client's token, and audits every tool call with the access token's `jti` as correlation id.
public final class MCPGateway: Sendable {
    /// The configuration.
    public let configuration: GatewayConfiguration
    /// The access-token verifier.
    public let verifier: any AccessTokenVerifier
    /// The tool-call auditor.
    public let auditor: ToolCallAuditor
    private let endpoint: GatewayEndpoint

    /// Creates a gateway.
    /// - Parameters:
    ///   - configuration: resource, upstream, tool policy, headers, limits.
    ///   - verifier: verifies access tokens.
    ///   - auditLog: where tool calls are recorded.
    ///   - httpClient: the client for an HTTP upstream; `upstreamClient` by default.
    ///   - environment: the environment stdio servers inherit (without `ZEROTOUCH_*`).
    ///   - clock: the time source for audit records and session expiry.
    ///   - logger: for stdio process events.
    public init(
        configuration: GatewayConfiguration, verifier: any AccessTokenVerifier, auditLog: any AuditLog, httpClient: HTTPClient = MCPGateway.upstreamClient,
        environment: [String: String] = ProcessInfo.processInfo.environment, clock: any WallClock = SystemClock(),
        logger: Logger = Logger(label: "zerotouch.gateway")
    ) {
        self.configuration = configuration
        self.verifier = verifier
        self.auditor = ToolCallAuditor(
            auditLog: auditLog, resource: configuration.resource.identifier, upstream: configuration.upstream.description, clock: clock)
        self.endpoint = GatewayEndpoint(
            configuration: configuration, auditor: auditor, httpClient: httpClient, environment: environment, clock: clock, logger: logger)
    }

    /// Adds the metadata routes and the protected MCP routes.
    /// - Throws: `EncodingError` when the metadata cannot be encoded.
    public func addRoutes<Context: BearerRequestContext>(to router: Router<Context>) throws {
        try ProtectedResourceMetadataRoutes.addRoutes(to: router, resource: configuration.resource)
        let challenge = BearerChallengeParameters(resource: configuration.resource, scope: configuration.challengeScope)
        let endpoint = self.endpoint
        let protected = router.group(RouterPath(configuration.path))
            .add(middleware: BearerAuthenticationMiddleware<Context>(verifier: verifier, challenge: challenge))
            .group(context: AuthenticatedRequestContext<Context>.self)
        protected.post { request, context in try await endpoint.respond(to: request, context: context) }
        protected.get { request, context in try await endpoint.respond(to: request, context: context) }
        protected.delete { request, context in try await endpoint.respond(to: request, context: context) }
    }

    /// Stops every stdio upstream process.
    public func shutdown() async { await endpoint.shutdown() }

    /// The process-wide client for upstream calls (like `HTTPClient.shared`, it lives as long as
    /// the process and is never shut down), made by `makeUpstreamClient()`.
    public static let upstreamClient = makeUpstreamClient()

    /// An HTTP client for upstream calls that fails fast when the upstream is down: a connection
    /// refused or not made within `connectTimeout` is a 502 at once, instead of AsyncHTTPClient's
    /// default of retrying until the request deadline. It keeps up to `connectionsPerUpstream`
    /// keep-alive connections to the upstream (AsyncHTTPClient's default of 8 made tool calls queue
    /// inside the gateway as soon as more than 8 were in flight; BENCHMARKS.md, "HTTP load").
    public static func makeUpstreamClient(connectTimeout: Duration = .seconds(5), connectionsPerUpstream: Int = 64) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connectionsPerUpstream
        let (seconds, attoseconds) = connectTimeout.components
        configuration.timeout = .init(connect: .seconds(seconds) + .nanoseconds(attoseconds / 1_000_000_000))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}

/// The gateway's application, built like every role's (`ApplicationBuilder`).
/// - Throws: what `ApplicationBuilder.makeApplication` throws.
public func buildGatewayApplication(
    _ gateway: MCPGateway, builder: ApplicationBuilder
) throws -> Application<RouterResponder<ResourceRequestContext>> {
    try builder.makeApplication(context: ResourceRequestContext.self) { router in try gateway.addRoutes(to: router) }
}

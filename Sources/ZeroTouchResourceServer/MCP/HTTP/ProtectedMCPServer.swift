public import Hummingbird
public import ZeroTouchCore
public import ZeroTouchServer

/// A Swift MCP server published as an EMA-protected resource: its RFC 9728 metadata, bearer
/// authentication, and the Streamable HTTP endpoint (`POST`, `GET`, `DELETE` on `path`).
///
/// ```swift
/// let server = ProtectedMCPServer(resource: resource, path: "/mcp", endpoint: endpoint, verifier: verifier)
/// let app = try buildProtectedMCPApplication(server, builder: builder)
/// try await app.runService()
/// ```
public struct ProtectedMCPServer: Sendable {
    /// The resource as published.
    public let resource: ProtectedResource
    /// The local path of the MCP endpoint.
    public let path: String
    /// The MCP endpoint.
    public let endpoint: MCPEndpoint
    /// The access-token verifier.
    public let verifier: any AccessTokenVerifier
    /// The challenge parameters: metadata URL and the scope suggested on a 401.
    public let challenge: BearerChallengeParameters

    /// Creates the server.
    /// - Parameters:
    ///   - resource: the resource as published in its metadata.
    ///   - path: the local path of the MCP endpoint.
    ///   - endpoint: the MCP endpoint.
    ///   - verifier: verifies access tokens.
    ///   - challengeScope: the scope suggested on a 401; every supported scope by default.
    public init(
        resource: ProtectedResource, path: String, endpoint: MCPEndpoint, verifier: any AccessTokenVerifier, challengeScope: Scope? = nil
    ) {
        self.resource = resource
        self.path = path
        self.endpoint = endpoint
        self.verifier = verifier
        self.challenge = BearerChallengeParameters(resource: resource, scope: challengeScope)
    }

    /// Adds the metadata routes and the protected MCP routes to `router`.
    /// - Throws: `EncodingError` when the metadata cannot be encoded.
    public func addRoutes<Context: BearerRequestContext>(to router: Router<Context>) throws {
        try ProtectedResourceMetadataRoutes.addRoutes(to: router, resource: resource)
        let endpoint = self.endpoint
        let protected = router.group(RouterPath(path))
            .add(middleware: BearerAuthenticationMiddleware<Context>(verifier: verifier, challenge: challenge))
            .group(context: AuthenticatedRequestContext<Context>.self)
        protected.post { request, context in try await endpoint.respond(to: request, context: context) }
        protected.get { request, context in try await endpoint.respond(to: request, context: context) }
        protected.delete { request, context in try await endpoint.respond(to: request, context: context) }
    }
}

/// The application of a protected Swift MCP server, built like every role's
/// (`ApplicationBuilder`: access log, metrics, error rendering, `/healthz`, `/metrics`).
/// Used by `zerotouch mcp serve` and by the tests.
/// - Throws: what `ApplicationBuilder.makeApplication` throws.
public func buildProtectedMCPApplication(
    _ server: ProtectedMCPServer, builder: ApplicationBuilder
) throws -> Application<RouterResponder<ResourceRequestContext>> {
    try builder.makeApplication(context: ResourceRequestContext.self) { router in try server.addRoutes(to: router) }
}

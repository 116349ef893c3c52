public import Hummingbird
public import Logging
public import ZeroTouchCore
public import ZeroTouchResourceServer
public import ZeroTouchServer
public import ZeroTouchStorage

/// A demo server, ready to run: its protected MCP server (kept so the caller can close its
/// sessions) and its application.
public struct DemoServerApplication: Sendable {
    /// The protected MCP server.
    public let server: ProtectedMCPServer
    /// The Hummingbird application.
    public let application: Application<RouterResponder<ResourceRequestContext>>
}

/// Builds a demo MCP server as `zerotouch mcp serve` runs it and as the tests do: the server's
/// data in `dataDirectory`, the resource settings (`mcp.*`), the verifier they describe unless
/// one is given, and the shared application builder.
/// - Parameters:
///   - demo: which server.
///   - settings: resource, authorization server, token validation, mode, origins.
///   - dataDirectory: where the server keeps its SQLite file.
///   - builder: host, port, TLS, logger.
///   - verifier: overrides the verifier from `settings` (tests).
///   - clock: the time source.
/// - Throws: a storage error, or what `ApplicationBuilder.makeApplication` throws.
public func buildMCPServerApplication(
    _ demo: DemoServer, settings: ResourceServerSettings, dataDirectory: DataDirectory, builder: ApplicationBuilder,
    verifier: (any AccessTokenVerifier)? = nil, clock: any WallClock = SystemClock()
) throws -> DemoServerApplication {
    let definition = try demo.definition(dataDirectory: dataDirectory, clock: clock)
    let endpoint = MCPEndpoint(definition: definition, mode: settings.mode, allowedOrigins: settings.allowedOrigins, clock: clock)
    let server = ProtectedMCPServer(
        resource: settings.protectedResource(defaultScopes: demo.scopes), path: settings.path, endpoint: endpoint,
        verifier: verifier ?? settings.makeVerifier(clock: clock, logger: builder.logger))
    return DemoServerApplication(server: server, application: try buildProtectedMCPApplication(server, builder: builder))
}

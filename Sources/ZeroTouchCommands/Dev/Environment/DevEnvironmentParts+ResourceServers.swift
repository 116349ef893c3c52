import Foundation
import Logging
import ZeroTouchCore
import ZeroTouchDemoServers
import ZeroTouchJOSE
import ZeroTouchResourceServer
import ZeroTouchServer
import ZeroTouchStorage

extension DevEnvironmentParts {
    /// The issues and docs MCP servers and the gateway in front of the notes server, each verifying
    /// RFC 9068 access tokens with the authorization server's JWKS (one cache for all three).
    ///
    /// The issues server runs in stateful mode (sessions, SSE responses), the docs server in
    /// stateless mode (JSON responses): the demo exercises both halves of Streamable HTTP.
    func resourceServerListeners(monitor: StartupMonitor, logger: Logger) async throws -> [DevListener] {
        let keys = JWKSCache(fetcher: HTTPJWKSFetcher(endpointPolicy: .standard), clock: clock, logger: logger)
        return [
            try hostedListener(
                .issues, definition: IssuesServer.definition(store: issues), mode: .stateful, keys: keys, monitor: monitor, logger: logger),
            try hostedListener(
                .docs, definition: DocsServer.definition(store: docs), mode: .stateless, keys: keys, monitor: monitor, logger: logger),
            try gatewayListener(keys: keys, monitor: monitor, logger: logger),
        ]
    }

    /// The verifier of access tokens for `resource`: `iss` the authorization server, `aud` the resource.
    func verifier(for resource: ResourceIdentifier, keys: JWKSCache) -> JWTAccessTokenVerifier {
        JWTAccessTokenVerifier(issuer: topology.authorizationServerIssuer, resource: resource, cache: keys, clock: clock)
    }

    /// How `server` describes itself in its protected resource metadata (RFC 9728 §2).
    func protectedResource(_ server: DevServer) -> ProtectedResource {
        ProtectedResource(
            identifier: topology.resource(of: server), authorizationServers: [topology.authorizationServerIssuer], scopesSupported: server.allScopes,
            name: server.name)
    }

    /// A Swift MCP server behind the bearer middleware, with its metadata.
    private func hostedListener(
        _ server: DevServer, definition: MCPServerDefinition, mode: MCPHostingMode, keys: JWKSCache, monitor: StartupMonitor, logger: Logger
    ) throws -> DevListener {
        let role = "\(server.name) MCP server"
        let port = server == .issues ? topology.ports.issues : topology.ports.docs
        let endpoint = MCPEndpoint(definition: definition, mode: mode, clock: clock)
        let protected = ProtectedMCPServer(
            resource: protectedResource(server), path: DevTopology.mcpPath, endpoint: endpoint,
            verifier: verifier(for: topology.resource(of: server), keys: keys))
        let builder = ApplicationBuilder(server: .init(host: DevTopology.host, port: port), logger: logger) { port in
            monitor.listening(role, port: port)
        }
        return DevListener(role: role, service: try buildProtectedMCPApplication(protected, builder: builder)) { await endpoint.shutdown() }
    }

    /// The gateway: the notes server's tools mapped to `notes.read`/`notes.write`, the user's
    /// identity forwarded in `X-ZeroTouch-*` headers, each call audited.
    private func gatewayListener(keys: JWKSCache, monitor: StartupMonitor, logger: Logger) throws -> DevListener {
        let role = "notes gateway"
        let upstream = URL(string: topology.notesUpstreamURL)!
        let gateway = MCPGateway(
            configuration: GatewayConfiguration(
                resource: protectedResource(.notes), upstream: .http(upstream), toolPolicy: ToolScopePolicy(toolScopes: NotesServer.toolScopes)),
            verifier: verifier(for: topology.notesResource, keys: keys), auditLog: stores.auditLog, environment: [:], clock: clock, logger: logger)
        let builder = ApplicationBuilder(server: .init(host: DevTopology.host, port: topology.ports.gateway), logger: logger) { port in
            monitor.listening(role, port: port)
        }
        return DevListener(role: role, service: try buildGatewayApplication(gateway, builder: builder)) { await gateway.shutdown() }
    }
}

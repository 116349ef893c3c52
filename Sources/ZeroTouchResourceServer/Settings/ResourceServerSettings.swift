public import AsyncHTTPClient
public import Foundation
public import Logging
public import ZeroTouchCore
public import ZeroTouchJOSE
public import ZeroTouchServer

/// The settings of a protected resource, read under a prefix (`mcp` for `zerotouch mcp serve`,
/// `gateway` for `zerotouch gateway serve`):
///
/// | key | default | meaning |
/// |---|---|---|
/// | `<p>.resource` | required | the resource identifier (RFC 9728 `resource`, the tokens' `aud`) |
/// | `<p>.authorization_server` | required | the issuer of the access tokens |
/// | `<p>.token_validation` | `jwt` | `jwt` or `introspection` |
/// | `<p>.jwks_uri` | from AS metadata | the authorization server's JWKS |
/// | `<p>.introspection.endpoint`, `.client_id`, `.client_secret` | — | RFC 7662, when `introspection` |
/// | `<p>.algorithms` | `ES256 RS256 PS256 EdDSA` | accepted `alg` values |
/// | `<p>.leeway` | `60s` | clock skew on `exp`/`nbf`/`iat` |
/// | `<p>.scopes` | the server's | `scopes_supported` |
/// | `<p>.resource_name` | — | `resource_name` |
/// | `<p>.path` | the resource's path, or `/mcp` | the local MCP path |
/// | `<p>.mode` | `stateful` | `stateful` or `stateless` |
/// | `<p>.allowed_origins` | none | space-separated browser origins allowed to call |
public struct ResourceServerSettings: Sendable {
    /// The resource identifier.
    public var resource: ResourceIdentifier
    /// The authorization server.
    public var authorizationServer: Issuer
    /// How tokens are checked.
    public var tokenValidation: TokenValidationSettings
    /// Accepted `alg` values.
    public var algorithms: Set<JWSAlgorithm>
    /// Clock-skew allowance.
    public var leeway: TimeInterval
    /// `scopes_supported`, when configured.
    public var scopes: Scope?
    /// `resource_name`.
    public var resourceName: String?
    /// The local MCP path.
    public var path: String
    /// Hosting mode (hosted servers only).
    public var mode: MCPHostingMode
    /// Allowed browser origins.
    public var allowedOrigins: [String]
    /// The URL policy for every endpoint (decisions X-11).
    public var endpointPolicy: EndpointPolicy

    /// Creates settings directly (tests, embedding).
    public init(
        resource: ResourceIdentifier, authorizationServer: Issuer, tokenValidation: TokenValidationSettings = .jwt(jwksURI: nil),
        algorithms: Set<JWSAlgorithm> = JWSAlgorithm.standardAllowList, leeway: TimeInterval = 60, scopes: Scope? = nil,
        resourceName: String? = nil, path: String = "/mcp", mode: MCPHostingMode = .stateful, allowedOrigins: [String] = [],
        endpointPolicy: EndpointPolicy = .standard
    ) {
        self.resource = resource
        self.authorizationServer = authorizationServer
        self.tokenValidation = tokenValidation
        self.algorithms = algorithms
        self.leeway = leeway
        self.scopes = scopes
        self.resourceName = resourceName
        self.path = path
        self.mode = mode
        self.allowedOrigins = allowedOrigins
        self.endpointPolicy = endpointPolicy
    }

    /// Reads the keys under `prefix`, recording every problem in `reader`.
    public init(reading reader: inout SettingsReader, prefix: String, endpointPolicy: EndpointPolicy) {
        let resource = reader.url("\(prefix).resource", policy: endpointPolicy).absoluteString
        self.resource = ResourceIdentifier(resource)
        self.authorizationServer = Issuer(reader.url("\(prefix).authorization_server", policy: endpointPolicy).absoluteString)
        self.tokenValidation = Self.readTokenValidation(&reader, prefix: prefix, policy: endpointPolicy)
        self.algorithms = Self.readAlgorithms(&reader, key: "\(prefix).algorithms")
        self.leeway = TimeInterval(reader.duration("\(prefix).leeway", in: .zero...(.seconds(300)), default: .seconds(60)).components.seconds)
        self.scopes = Self.readScope(&reader, key: "\(prefix).scopes")
        self.resourceName = reader.optionalString("\(prefix).resource_name")
        let resourcePath = AuthorizationServerMetadata.splitIssuer(resource)?.path ?? ""
        self.path = reader.string("\(prefix).path", default: resourcePath.isEmpty ? "/mcp" : resourcePath)
        self.mode = reader.choice("\(prefix).mode", default: MCPHostingMode.stateful)
        self.allowedOrigins = (reader.optionalString("\(prefix).allowed_origins") ?? "").split(separator: " ").map(String.init)
        self.endpointPolicy = endpointPolicy
        if !path.hasPrefix("/") { reader.report("\(prefix).path", "must start with /") }
    }

    /// The resource as published, with `scopes` or else `defaultScopes`.
    public func protectedResource(defaultScopes: Scope) -> ProtectedResource {
        ProtectedResource(
            identifier: resource, authorizationServers: [authorizationServer], scopesSupported: scopes ?? defaultScopes, name: resourceName)
    }

    /// The verifier these settings describe.
    /// - Parameters:
    ///   - httpClient: for JWKS fetches and introspection; by default one that never follows
    ///     redirects (a followed redirect would resend an introspected token to an unchecked URL).
    ///   - clock: the time source.
    ///   - logger: for JWKS cache events.
    public func makeVerifier(httpClient: HTTPClient = HTTPJWKSFetcher.nonRedirectingClient, clock: any WallClock = SystemClock(), logger: Logger) -> any AccessTokenVerifier {
        switch tokenValidation {
        case .jwt(let jwksURI):
            let cache = JWKSCache(fetcher: HTTPJWKSFetcher(httpClient: httpClient, endpointPolicy: endpointPolicy), clock: clock, logger: logger)
            return JWTAccessTokenVerifier(
                issuer: authorizationServer, resource: resource, cache: cache,
                location: jwksURI.map { .jwksURI($0.absoluteString) } ?? .issuerMetadata, allowedAlgorithms: algorithms, clock: clock,
                leeway: leeway)
        case .introspection(let endpoint, let clientID, let clientSecret):
            return IntrospectionAccessTokenVerifier(
                issuer: authorizationServer, resource: resource, endpoint: endpoint, clientID: clientID, clientSecret: clientSecret,
                httpClient: httpClient, clock: clock, leeway: leeway)
        }
    }

    private static func readTokenValidation(_ reader: inout SettingsReader, prefix: String, policy: EndpointPolicy) -> TokenValidationSettings {
        switch reader.choice("\(prefix).token_validation", default: TokenValidationSettings.Method.jwt) {
        case .jwt:
            return .jwt(jwksURI: reader.optionalURL("\(prefix).jwks_uri", policy: policy))
        case .introspection:
            let endpoint = reader.url("\(prefix).introspection.endpoint", policy: policy)
            let clientID = ClientID(reader.string("\(prefix).introspection.client_id"))
            return .introspection(endpoint: endpoint, clientID: clientID, clientSecret: reader.requiredSecret("\(prefix).introspection.client_secret"))
        }
    }

    /// An optional scope list (RFC 6749 §3.3 syntax).
    static func readScope(_ reader: inout SettingsReader, key: String) -> Scope? {
        guard let text = reader.optionalString(key) else { return nil }
        do { return try Scope(parsing: text) } catch {
            reader.report(key, "must be scope tokens separated by single spaces")
            return nil
        }
    }

    private static func readAlgorithms(_ reader: inout SettingsReader, key: String) -> Set<JWSAlgorithm> {
        guard let text = reader.optionalString(key) else { return JWSAlgorithm.standardAllowList }
        var algorithms = Set<JWSAlgorithm>()
        for name in text.split(separator: " ") {
            guard let algorithm = JWSAlgorithm(rawValue: String(name)) else {
                reader.report(key, "'\(name.prefix(16))' is not one of \(JWSAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            algorithms.insert(algorithm)
        }
        if algorithms.isEmpty { reader.report(key, "must list at least one algorithm") }
        return algorithms
    }
}

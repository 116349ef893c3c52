import Foundation
import Hummingbird
public import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchServer

/// Why the authorization server could not be built from its settings.
public enum AuthorizationServerConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The issuer is not an acceptable URL (RFC 8414 §2: https, no query or fragment; decisions X-11).
    case invalidIssuer(String)
    /// No issuer is configured and the listener is not on loopback, so none can be derived.
    case issuerRequired

    /// The message printed by the CLI.
    public var description: String {
        switch self {
        case .invalidIssuer(let reason): "as.issuer is invalid: \(reason)"
        case .issuerRequired: "as.issuer is required when the server does not listen on a loopback address"
        }
    }
}

/// Builds the MCP authorization server: RFC 8414 metadata at both URLs (decisions X-12), JWKS,
/// the jwt-bearer token endpoint (RFC 7523, ID-JAG §4.4), introspection (RFC 7662), revocation
/// (RFC 7009), the authorization endpoint that explains it is not offered, and the admin API,
/// behind `ZeroTouchServer`'s shared middleware, `/healthz` and `/metrics`.
///
/// The same function serves the CLI (`zerotouch as serve`) and the tests.
/// - Parameters:
///   - settings: issuer, listener, URL policy, leeway, logger.
///   - dependencies: stores, JWKS fetcher and clock.
///   - onServerRunning: called with the issuer once the listener is bound (with port 0, the issuer
///     of an unconfigured server is only known then).
/// - Throws: `AuthorizationServerConfigurationError`, or an operational error loading the registry.
public func buildAuthorizationServer(
    settings: AuthorizationServerSettings, dependencies: AuthorizationServerDependencies,
    onServerRunning: @escaping @Sendable (Issuer) async -> Void = { _ in }
) async throws -> AuthorizationServer {
    if let issuer = settings.issuer { try validate(issuer, policy: settings.endpointPolicy) }
    guard settings.issuer != nil || EndpointPolicy.isLoopback(host: settings.server.host) else {
        throw AuthorizationServerConfigurationError.issuerRequired
    }
    let registry = try await ASRegistry(store: dependencies.documentStore, clock: dependencies.clock, endpointPolicy: settings.endpointPolicy)
    let fetcher = dependencies.jwksFetcher ?? HTTPJWKSFetcher(endpointPolicy: settings.endpointPolicy)
    let jwksCache = JWKSCache(fetcher: fetcher, clock: dependencies.clock, logger: settings.logger)
    let keyRing = KeyRing(owner: ASRegistry.auditService, store: dependencies.signingKeyStore)
    let slot = ASServicesSlot()
    let makeServices = { @Sendable (issuer: Issuer) in
        ASServices(
            issuer: issuer, registry: registry, jwksCache: jwksCache, keyRing: keyRing, dependencies: dependencies,
            leeway: settings.leeway, logger: settings.logger)
    }
    if let issuer = settings.issuer { slot.fill(makeServices(issuer)) }
    let configuredIssuer = settings.issuer
    let host = settings.server.host
    let store = dependencies.documentStore
    let builder = ApplicationBuilder(
        server: settings.server, logger: settings.logger,
        readinessChecks: [ReadinessCheck("document-store") { _ = try await store.version() }],
        onServerRunning: { port in
            let issuer = configuredIssuer ?? Issuer("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            if configuredIssuer == nil { slot.fill(makeServices(issuer)) }
            await onServerRunning(issuer)
        })
    let routeEndpoints = ASEndpoints(issuer: settings.issuer ?? "http://127.0.0.1")
    let application = try builder.makeApplication(context: ASRequestContext.self) { router in
        ASRoutes.addRoutes(to: router, endpoints: routeEndpoints, slot: slot)
    }
    return AuthorizationServer(
        application: application, registry: registry, keyRing: keyRing, replayLedger: dependencies.replayLedger, clock: dependencies.clock)
}

/// Checks an issuer identifier: an https URL (http on loopback) without query or fragment (RFC 8414 §2).
private func validate(_ issuer: Issuer, policy: EndpointPolicy) throws(AuthorizationServerConfigurationError) {
    let url: URL
    do throws(EndpointPolicy.Violation) { url = try policy.check(issuer.rawValue) } catch { throw .invalidIssuer(error.description) }
    guard url.query == nil else { throw .invalidIssuer("an issuer has no query component") }
}

public import Hummingbird
public import Logging
import ZeroTouchCore
import ZeroTouchJOSE
public import ZeroTouchServer

/// Builds the IdP's HTTP application: `ZeroTouchServer`'s shared middleware and `/healthz`, `/metrics`,
/// then `IdPRoutes`. Used by `zerotouch idp serve` and by the tests alike.
///
/// When `provider` has no configured issuer, it is bound once the listener runs to
/// `http://<host>:<port>` (loopback development and tests on port 0; `IdPSettings` requires an issuer
/// for any other host).
/// - Parameters:
///   - provider: the assembled IdP.
///   - server: host, port, TLS.
///   - logger: the application logger (redacting in production, see `LoggingBootstrap`).
///   - onServerRunning: called with the bound port after the issuer is bound.
/// - Throws: a TLS load error.
public func buildIdentityProvider(
    _ provider: IdentityProvider, server: ServerSettings, logger: Logger,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) throws -> Application<RouterResponder<IdPRequestContext>> {
    let readiness = ReadinessCheck("signing-keys") { _ = try await provider.keyRing.activeKey(now: provider.clock.now) }
    let builder = ApplicationBuilder(server: server, logger: logger, readinessChecks: [readiness]) { port in
        provider.issuer.bindIfUnbound(derivedIssuer(server: server, port: port))
        await onServerRunning(port)
    }
    return try builder.makeApplication(context: IdPRequestContext.self) { router in
        IdPRoutes.addRoutes(to: router, provider: provider)
    }
}

/// `http(s)://host:port` for a listener; a wildcard address becomes `127.0.0.1`, an IPv6 literal is bracketed.
private func derivedIssuer(server: ServerSettings, port: Int) -> Issuer {
    var host = server.host
    if host == "0.0.0.0" || host == "::" || host.isEmpty { host = "127.0.0.1" }
    if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
    return Issuer("\(server.tls == nil ? "http" : "https")://\(host):\(port)")
}

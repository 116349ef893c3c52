public import Hummingbird
import HummingbirdTLS
public import Logging
import NIOCore

/// Builds the Hummingbird application of a role with everything roles share.
///
/// In order, every request passes through: the access log (method, route, status, duration,
/// request id; never query, headers, body or tokens), request metrics (`http_requests_total`,
/// `http_request_duration_seconds` by method, route pattern and status), then the error renderer
/// (OAuth rejections → RFC 6749 §5.2 JSON; unexpected errors → 500 `server_error` without their
/// text). Then come `GET /healthz` (200 `{"status":"ok"}`, 503 when a readiness check fails),
/// `GET /metrics` (Prometheus text) and the role's own routes.
///
/// ```swift
/// let builder = ApplicationBuilder(server: settings.server, logger: logger) { port in … }
/// let app = try builder.makeApplication(context: ASRequestContext.self) { router in
///     ASRoutes.addRoutes(to: router)
/// }
/// try await app.runService()
/// ```
/// Tests use the same builder with `app.test(.router)` or `app.test(.live)`.
public struct ApplicationBuilder: Sendable {
    /// Host, port and TLS.
    public var server: ServerSettings
    /// The application logger; each request's logger adds `hb.request.id`.
    public var logger: Logger
    /// Probes run by `GET /healthz`.
    public var readinessChecks: [ReadinessCheck]
    /// Called once the listener is bound, with the actual port (useful with port 0).
    public var onServerRunning: @Sendable (_ port: Int) async -> Void

    /// Creates a builder.
    /// - Parameters:
    ///   - server: host, port and TLS.
    ///   - logger: the application logger.
    ///   - readinessChecks: probes run by `GET /healthz`.
    ///   - onServerRunning: called with the bound port once the server listens.
    public init(
        server: ServerSettings,
        logger: Logger,
        readinessChecks: [ReadinessCheck] = [],
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) {
        self.server = server
        self.logger = logger
        self.readinessChecks = readinessChecks
        self.onServerRunning = onServerRunning
    }

    /// A router with the shared middleware and operational routes, then the role's routes.
    ///
    /// Hummingbird applies middleware only to routes added after it, so roles add their routes
    /// in `addRoutes` rather than to a router they made themselves.
    /// - Parameters:
    ///   - context: the role's request context type.
    ///   - addRoutes: adds the role's routes.
    public func makeRouter<Context: RequestContext>(
        context: Context.Type,
        addRoutes: (Router<Context>) throws -> Void
    ) rethrows -> Router<Context> {
        ProcessMetrics.bootstrap()
        let router = Router(context: Context.self)
        router.add(middleware: AccessLogMiddleware<Context>(quietRoutes: [OperationalRoutes.healthPath, OperationalRoutes.metricsPath]))
        router.add(middleware: RequestMetricsMiddleware<Context>())
        router.add(middleware: ErrorResponseMiddleware<Context>())
        OperationalRoutes.add(to: router, readinessChecks: readinessChecks)
        try addRoutes(router)
        return router
    }

    /// The application: `makeRouter`, bound to `server.host`/`server.port`, over TLS when
    /// `server.tls` is set (HummingbirdTLS).
    /// - Parameters:
    ///   - context: the role's request context type.
    ///   - addRoutes: adds the role's routes.
    /// - Throws: `addRoutes`'s errors, or an error naming the TLS file that cannot be used.
    public func makeApplication<Context: RequestContext>(
        context: Context.Type,
        addRoutes: (Router<Context>) throws -> Void
    ) throws -> Application<RouterResponder<Context>> where Context.Source == ApplicationRequestContextSource {
        let router = try makeRouter(context: context, addRoutes: addRoutes)
        let configuration = ApplicationConfiguration(address: .hostname(server.host, port: server.port))
        let onServerRunning = self.onServerRunning
        let logger = self.logger
        let (host, scheme) = (server.host, server.tls == nil ? "http" : "https")
        let reportPort: @Sendable (any Channel) async -> Void = { channel in
            let port = channel.localAddress?.port ?? 0
            logger.info(
                "listening",
                metadata: ["server.host": .string(host), "server.port": .stringConvertible(port), "server.scheme": .string(scheme)]
            )
            await onServerRunning(port)
        }
        guard let tls = server.tls else {
            return Application(router: router, configuration: configuration, onServerRunning: reportPort, logger: logger)
        }
        return Application(
            router: router,
            server: try .tls(configuration: tls.makeChannelConfiguration()),
            configuration: configuration,
            onServerRunning: reportPort,
            logger: logger
        )
    }
}

import HTTPTypes
import Hummingbird
import Logging

/// The routes every role serves for operators: `GET /healthz` and `GET /metrics`.
enum OperationalRoutes {
    static let healthPath = "/healthz"
    static let metricsPath = "/metrics"

    /// The body of `/healthz`: `{"status":"ok"}`, plus `checks` when the role registered any.
    struct Health: Encodable, Sendable {
        var status: String
        var checks: [String: String]?
    }

    static func add<Context: RequestContext>(to router: Router<Context>, readinessChecks: [ReadinessCheck]) {
        router.get(RouterPath(healthPath)) { _, context -> Response in
            let (health, healthy) = await runChecks(readinessChecks, logger: context.logger)
            var headers = HTTPFields()
            headers[.cacheControl] = "no-store"
            return try OAuthJSON.response(health, status: healthy ? .ok : .serviceUnavailable, headers: headers.withJSON)
        }
        router.get(RouterPath(metricsPath)) { _, _ -> Response in
            let text = ProcessMetrics.exposition()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// Runs every check in order; a failure is logged by name and error type, never its text.
    static func runChecks(_ checks: [ReadinessCheck], logger: Logger) async -> (Health, Bool) {
        guard !checks.isEmpty else { return (Health(status: "ok", checks: nil), true) }
        var results: [String: String] = [:]
        var healthy = true
        for check in checks {
            do {
                try await check.probe()
                results[check.name] = "ok"
            } catch {
                healthy = false
                results[check.name] = "failing"
                logger.warning(
                    "readiness check failed",
                    metadata: ["check": .string(check.name), "error.type": .string(String(reflecting: type(of: error)))]
                )
            }
        }
        return (Health(status: healthy ? "ok" : "unavailable", checks: results), healthy)
    }
}

extension HTTPFields {
    fileprivate var withJSON: HTTPFields {
        var fields = self
        fields[.contentType] = "application/json"
        return fields
    }
}

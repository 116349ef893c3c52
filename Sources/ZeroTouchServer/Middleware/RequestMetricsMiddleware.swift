import Hummingbird
import Metrics

/// Counts requests and records their duration, by method, route pattern and status.
///
/// Metrics: `http_requests_total` (counter) and `http_request_duration_seconds` (histogram in
/// the Prometheus exposition). Labels are `method` (standard methods or `OTHER`), `route` (the
/// router's pattern such as `/clients/{id}`, or `NotFound`, never the raw path) and `status`, so
/// label cardinality stays bounded whatever clients send. Hummingbird's own `MetricsMiddleware`
/// is not used: its metric names differ and it passes unknown methods through as labels.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The request counter's name.
    static var requestsTotal: String { "http_requests_total" }
    /// The duration histogram's name.
    static var requestDuration: String { "http_request_duration_seconds" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            record(request, context: context, status: 500, since: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let dimensions = [
            ("method", request.method.boundedLabel),
            ("route", context.endpointPath ?? "unknown"),
            ("status", String(status)),
        ]
        Counter(label: Self.requestsTotal, dimensions: dimensions).increment()
        Metrics.Timer(label: Self.requestDuration, dimensions: dimensions, preferredDisplayUnit: .seconds)
            .recordNanoseconds(Self.nanoseconds(ContinuousClock.now - start))
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

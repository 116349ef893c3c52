import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Logs one line per request: method, route pattern, status and duration, under the request id.
///
/// Only those fields are logged: never the query string, headers, the body or a token (brief:
/// "nothing secret … in any log line"). The route is the pattern (`/clients/{id}`), not the
/// path. The request id Hummingbird puts in the logger (`hb.request.id`) is echoed in
/// `X-Request-ID` so a caller can quote it. `quietRoutes` (health and metrics scrapes) log at
/// `debug` instead of `info`.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let quietRoutes: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = context.logger[metadataKey: "hb.request.id"]?.description
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            log(request, context: context, status: 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "unknown"
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.log(
            level: quietRoutes.contains(route) ? .debug : .info,
            "request",
            metadata: [
                "http.method": .string(request.method.boundedLabel),
                "http.route": .string(route),
                "http.status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.3f", milliseconds)),
            ]
        )
    }
}

extension HTTPRequest.Method {
    /// The method for logs and metric labels: a standard method (RFC 9110 §9, RFC 5789) or
    /// `OTHER`, so arbitrary extension methods cannot grow label cardinality.
    var boundedLabel: String {
        switch self {
        case .get, .head, .post, .put, .delete, .connect, .options, .trace, .patch: rawValue
        default: "OTHER"
        }
    }
}

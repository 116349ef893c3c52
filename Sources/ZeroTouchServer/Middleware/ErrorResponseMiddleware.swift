import Hummingbird
import Logging
import ZeroTouchCore

/// Turns every error a handler throws into a response, so that the access log and the metrics
/// see the real status.
///
/// - An `OAuthErrorConvertible` (any `…Rejection`, or `OAuthErrorResponse` itself) becomes the
///   RFC 6749 §5.2 JSON error; its description is logged at `info` (it must never hold a secret).
/// - A `StoreAvailabilityError` that is temporary (a database outage) becomes `503`
///   `temporarily_unavailable` with `Retry-After: 1`: nothing was granted, and a retry may succeed.
/// - Another `HTTPResponseError` renders itself (Hummingbird's `404 Not Found`, for instance).
/// - Anything else is our own fault (STYLE.md "Error-type conventions"): a 500 with
///   `server_error` and a fixed description. The error's text never reaches the client; the log
///   gets its type at `error` and its (redacted) description only at `debug`.
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The description of every 500 answered for an unexpected error.
    static var unexpectedErrorDescription: String { "the server met an unexpected condition" }
    /// The description of every 503 answered while a shared store is unreachable.
    static var unavailableDescription: String { "the service is temporarily unavailable; retry shortly" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let rejection as any OAuthErrorConvertible {
            let oauthError = rejection.oauthError
            context.logger.info(
                "request rejected",
                metadata: ["oauth.error": .string(oauthError.code.rawValue), "reason": .string(rejection.description)]
            )
            return try oauthError.response(from: request, context: context)
        } catch let error as any StoreAvailabilityError where error.isTemporarilyUnavailable {
            context.logger.warning("store unavailable", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
            var response = try OAuthErrorResponse(.temporarilyUnavailable, description: Self.unavailableDescription)
                .response(from: request, context: context)
            response.headers[.retryAfter] = "1"
            return response
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
            context.logger.debug("unexpected error detail", metadata: ["error.detail": .string(String(describing: error))])
            return try OAuthErrorResponse(.serverError, description: Self.unexpectedErrorDescription)
                .response(from: request, context: context)
        }
    }
}

import Hummingbird
import Logging
import ZeroTouchCore

/// Turns every error a handler throws into a response, so that the access log and the metrics
/// see the real status.
///
/// - An `OAuthErrorConvertible` (any `…Rejection`, or `OAuthErrorResponse` itself) becomes the
///   RFC 6749 §5.2 JSON error; its description is logged at `info` (it must never hold a secret).
/// - Another `HTTPResponseError` renders itself (Hummingbird's `404 Not Found`, for instance).
/// - Anything else is our own fault (STYLE.md "Error-type conventions"): a 500 with
///   `server_error` and a fixed description. The error's text never reaches the client; the log
///   gets its type at `error` and its (redacted) description only at `debug`.
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The description of every 500 answered for an unexpected error.
    static var unexpectedErrorDescription: String { "the server met an unexpected condition" }

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

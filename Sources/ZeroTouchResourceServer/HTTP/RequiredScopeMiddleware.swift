public import Hummingbird
import Logging
public import ZeroTouchCore

/// Requires the token to grant a scope for every route of a group (RFC 6750 §3.1); a token
/// without it is refused with 403 `insufficient_scope` naming the needed scope, and the route
/// does not run.
///
/// ```swift
/// let authenticated = router.group(context: AuthenticatedRequestContext<ResourceRequestContext>.self)
/// authenticated.group("admin").add(middleware: RequiredScopeMiddleware(["docs.write"]))
/// ```
public struct RequiredScopeMiddleware<Context: IdentifiedRequestContext>: RouterMiddleware {
    /// The scope every route of the group needs.
    public let required: Scope

    /// Creates the middleware.
    public init(_ required: Scope) { self.required = required }

    /// Checks the scope, then runs `next`.
    /// - Throws: `BearerChallenge` 403, or what `next` throws.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity.grants(required) else {
            context.logger.info("insufficient scope", metadata: ["required": .string(required.description), "token": .string(context.identity.description)])
            throw BearerChallenge.insufficientScope(required: required, context.challenge)
        }
        return try await next(request, context)
    }
}

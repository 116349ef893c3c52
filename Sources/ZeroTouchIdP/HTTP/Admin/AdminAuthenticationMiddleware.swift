import Hummingbird
import ZeroTouchCore

/// Requires an admin bearer token on `/admin/api` (RFC 6750 §2.1; scheme compared case-insensitively),
/// checked in constant time against the stored hashes (`IdPRegistry.adminTokenHolder`), and records the
/// token's name in the context as the actor of every change. Anything else is a 401 with `WWW-Authenticate: Bearer`.
struct AdminAuthenticationMiddleware: RouterMiddleware {
    typealias Context = IdPRequestContext
    let registry: IdPRegistry

    func handle(_ request: Request, context: IdPRequestContext, next: (Request, IdPRequestContext) async throws -> Response) async throws -> Response {
        guard let presented = try? BearerRejection.token(from: request.headers[.authorization]),
            let holder = try await registry.adminTokenHolder(presented)
        else {
            throw OAuthErrorResponse(.invalidToken, description: "a valid admin bearer token is required", challengeScheme: "Bearer")
        }
        var context = context
        context.adminName = holder.name
        return try await next(request, context)
    }
}

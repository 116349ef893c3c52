import Foundation
import Hummingbird
import ZeroTouchCore

/// Requires an admin bearer token (RFC 6750 §2.1, scheme compared case-insensitively per RFC 9110
/// §11.1) on the admin API, checked in constant time against the stored hashes, and records its
/// name in the context. A missing or wrong token is a 401 with `WWW-Authenticate: Bearer`.
struct AdminAuthenticationMiddleware: RouterMiddleware {
    typealias Context = ASRequestContext
    let slot: ASServicesSlot

    func handle(_ request: Request, context: ASRequestContext, next: (Request, ASRequestContext) async throws -> Response) async throws -> Response {
        let services = try slot.get()
        guard let presented = Self.bearerToken(request.headers[.authorization]), let token = services.registry.authenticateAdmin(presented) else {
            throw OAuthErrorResponse(.invalidToken, description: "a valid admin bearer token is required", challengeScheme: "Bearer")
        }
        var context = context
        context.adminName = token.name
        return try await next(request, context)
    }

    /// The credentials of `Authorization: Bearer <token>`, or `nil`.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

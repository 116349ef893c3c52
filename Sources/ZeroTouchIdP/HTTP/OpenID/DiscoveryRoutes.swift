import HTTPTypes
import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

/// Metadata (OpenID Connect Discovery §4, RFC 8414 §3) and the JWKS (RFC 7517 §5).
struct DiscoveryRoutes {
    let provider: IdentityProvider
    /// `Pragma: no-cache` is for token responses; metadata and keys may be cached.
    static let pragma = HTTPField.Name("Pragma")!

    func add(to router: Router<IdPRequestContext>) {
        router.get(RouterPath(IdPEndpoints.openIDConfigurationPath)) { request, context in try metadata(request, context: context) }
        router.get(RouterPath(IdPEndpoints.authorizationServerMetadataPath)) { request, context in try metadata(request, context: context) }
        router.get(RouterPath(IdPEndpoints.jwksPath)) { request, context in
            var response = try OAuthJSONResponse(await provider.jwks()).response(from: request, context: context)
            // Receivers cache keys; a rotation publishes the new key before it signs anything they must verify.
            response.headers[.cacheControl] = "public, max-age=300"
            response.headers[Self.pragma] = nil
            return response
        }
    }

    private func metadata(_ request: Request, context: IdPRequestContext) throws -> Response {
        var response = try OAuthJSONResponse(provider.metadata()).response(from: request, context: context)
        response.headers[.cacheControl] = "public, max-age=300"
        response.headers[Self.pragma] = nil
        return response
    }
}

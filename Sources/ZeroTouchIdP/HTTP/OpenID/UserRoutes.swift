import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

/// `/userinfo` (OpenID Connect Core §5.3) and `GET /mcp/servers` (issue 3, item 7), with the access token
/// of the login's token response.
struct UserRoutes {
    let provider: IdentityProvider

    func add(to router: Router<IdPRequestContext>) {
        router.get(RouterPath(IdPEndpoints.userInfoPath)) { request, context in try await userInfo(request, context: context) }
        router.post(RouterPath(IdPEndpoints.userInfoPath)) { request, context in try await userInfo(request, context: context) }
        router.get(RouterPath(IdPEndpoints.mcpServersPath)) { request, context in
            try OAuthJSONResponse(await provider.access.availableServers(request.headers[.authorization])).response(from: request, context: context)
        }
    }

    private func userInfo(_ request: Request, context: IdPRequestContext) async throws -> Response {
        try OAuthJSONResponse(await provider.access.userInfo(request.headers[.authorization])).response(from: request, context: context)
    }
}

import Hummingbird
import ZeroTouchCore
import ZeroTouchOAuth
import ZeroTouchServer

/// `POST /token` (RFC 6749 §3.2) and `POST /revoke` (RFC 7009 §2): parse the form, authenticate the
/// client, call the domain, encode. Errors are RFC 6749 §5.2 JSON, rendered by `ZeroTouchServer`.
struct TokenRoutes {
    let provider: IdentityProvider

    /// The grant types `/token` accepts.
    static let grantTypes: Set<GrantType> = [.authorizationCode, .refreshToken, .tokenExchange]

    func add(to router: Router<IdPRequestContext>) {
        router.post(RouterPath(IdPEndpoints.tokenPath)) { request, context in try await token(request, context: context) }
        router.post(RouterPath(IdPEndpoints.revocationPath)) { request, context in try await revoke(request, context: context) }
    }

    /// `POST /token`: `authorization_code`, `refresh_token`, or the RFC 8693 token exchange for an ID-JAG.
    func token(_ request: Request, context: IdPRequestContext) async throws -> Response {
        let form = try await URLEncodedForm(request: request)
        let name = try form.require("grant_type")
        guard let grantType = GrantType(rawValue: name), Self.grantTypes.contains(grantType) else {
            throw OAuthErrorResponse(.unsupportedGrantType, description: "grant_type must be authorization_code, refresh_token or token-exchange")
        }
        let client = try await provider.clientAuthenticator().authenticate(form: form, authorization: request.headers[.authorization])
        switch grantType {
        case .tokenExchange:
            return try OAuthJSONResponse(await provider.exchange.exchange(form, for: client)).response(from: request, context: context)
        case .refreshToken:
            return try OAuthJSONResponse(await provider.tokens.refresh(form, for: client)).response(from: request, context: context)
        default:
            return try OAuthJSONResponse(await provider.tokens.redeemCode(form, for: client)).response(from: request, context: context)
        }
    }

    /// `POST /revoke`: always 200 for a well-formed request from an authenticated client (RFC 7009 §2.2).
    func revoke(_ request: Request, context: IdPRequestContext) async throws -> Response {
        let form = try await URLEncodedForm(request: request)
        let client = try await provider.clientAuthenticator().authenticate(form: form, authorization: request.headers[.authorization])
        try await provider.access.revoke(try form.require("token"), hint: form.value("token_type_hint"), by: client)
        var response = Response(status: .ok)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

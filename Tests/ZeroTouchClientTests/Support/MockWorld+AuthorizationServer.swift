import Foundation
import Hummingbird
import Synchronization
import ZeroTouchCore
import ZeroTouchJOSE

extension MockWorld {
    /// The scenario's authorization server: RFC 8414 metadata without
    /// `authorization_grant_profiles_supported`, and `POST /token` with the checks of checklist
    /// §7.2 in their order (Basic only). Added for ZeroTouch: a replayed `jti` is refused, and the
    /// ID-JAG's `scope` becomes the token's scope.
    func authorizationServerRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/.well-known/oauth-authorization-server") { [self] _, _ in
            let url = read(\.asURL)
            let options = self.options
            update { $0.metadataRequests.append("/.well-known/oauth-authorization-server") }
            return Loopback.json([
                "issuer": options.authorizationServerIssuer ?? url, "authorization_endpoint": url + "/authorize",
                "token_endpoint": options.authorizationServerTokenEndpoint ?? url + "/token", "registration_endpoint": url + "/register",
                "response_types_supported": ["code"], "grant_types_supported": options.grantTypes,
                "code_challenge_methods_supported": ["S256"], "authorization_response_iss_parameter_supported": true,
                "token_endpoint_auth_methods_supported": options.authorizationServerAuthMethods,
            ])
        }
        router.post("/token") { [self] request, _ in
            let form = try await Loopback.form(request)
            let authorization = request.headers[.authorization]
            update { state in
                state.jwtBearerGrants.append(form)
                state.jwtBearerAuthorizations.append(authorization)
            }
            return try await jwtBearer(form, authorization: authorization)
        }
        return router
    }

    private func jwtBearer(_ form: [String: String], authorization: String?) async throws -> Response {
        guard let username = Self.basicUsername(authorization, password: Self.clientSecret), username == Self.clientID else {
            return Loopback.oauthError("invalid_client", "Basic authentication required", status: .unauthorized)
        }
        guard form["grant_type"] == GrantType.jwtBearer.rawValue else { return Loopback.oauthError("unsupported_grant_type", "jwt-bearer only") }
        guard let assertion = form["assertion"] else { return Loopback.oauthError("invalid_request", "assertion required") }
        let verifier = JWTVerifier(
            expectedType: .exactly(EnterpriseManagedAuthorization.idJAGType), allowedAlgorithms: [.es256],
            keys: VerificationKeySet([idpKey.verificationKey]))
        guard let parsed = try? UnverifiedJWT(compact: assertion), parsed.header.type == EnterpriseManagedAuthorization.idJAGType else {
            return Loopback.oauthError("invalid_grant", "typ must be oauth-id-jag+jwt")
        }
        let asURL = read(\.asURL)
        guard let idJAG = try? await verifier.verify(parsed), let audience = try? idJAG.claims.audience,
            audience.allSatisfy({ $0 == asURL || $0 == asURL + "/" }), (try? JWTTimeRules(now: Date(), leeway: 30).check(idJAG.claims)) != nil
        else { return Loopback.oauthError("invalid_grant", "the ID-JAG does not verify") }
        guard (try? idJAG.claims.string("client_id")) == username else { return Loopback.oauthError("invalid_grant", "client_id mismatch") }
        let resource = try? idJAG.claims.string("resource")
        guard let resource, resource == mcpEndpoint || resource.hasPrefix(read(\.mcpURL) + "/servers/") else {
            return Loopback.oauthError("invalid_grant", "resource mismatch")
        }
        let jti = (try? idJAG.claims.string("jti")) ?? ""
        let scope = Set(((try? idJAG.claims.string("scope")) ?? "")?.split(separator: " ").map(String.init) ?? [])
        let options = self.options
        let token: String? = state.withLock { state in
            guard state.seenJTIs.insert(jti).inserted else { return nil }
            state.tokenCounter += 1
            let token = "test-token-\(Int(Date().timeIntervalSince1970 * 1000))-\(state.tokenCounter)"
            state.accessTokens[token] = (resource, scope)
            return token
        }
        guard let token else { return Loopback.oauthError("invalid_grant", "the ID-JAG was replayed") }
        var body: [String: Any] = ["access_token": token, "token_type": "Bearer", "expires_in": options.accessTokenLifetime]
        if !scope.isEmpty { body["scope"] = scope.sorted().joined(separator: " ") }
        return Loopback.json(body)
    }

    /// The username of a Basic header whose password is `password`: base64, split at the first `:`,
    /// each part percent-decoded (as the conformance mock's `decodeURIComponent`).
    static func basicUsername(_ header: String?, password: String) -> String? {
        guard let header, header.hasPrefix("Basic "), let data = Data(base64Encoded: String(header.dropFirst(6))),
            let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":"),
            let username = String(pair[..<colon]).removingPercentEncoding,
            String(pair[pair.index(after: colon)...]).removingPercentEncoding == password
        else { return nil }
        return username
    }
}

import Foundation
import Hummingbird
import ZeroTouchCore
import ZeroTouchJOSE

extension MockWorld {
    /// The scenario's IdP: OpenID metadata, JWKS, and `POST /token` with the checks of checklist
    /// §7.2 in their order; it does not check client authentication. Added for ZeroTouch: a
    /// resource in `deniedResources` gets `access_denied` with an audit reference, and `GET
    /// /mcp/servers` lists `catalog`.
    func idpRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/.well-known/openid-configuration") { [self] _, _ in
            let url = read(\.idpURL)
            return Loopback.json([
                "issuer": url, "authorization_endpoint": url + "/authorize", "token_endpoint": url + "/token", "jwks_uri": url + "/jwks",
                "grant_types_supported": [GrantType.tokenExchange.rawValue],
            ])
        }
        router.get("/jwks") { [self] _, _ in
            let document = JWKSDocument(keys: [idpKey.publicJWK])
            let data = try JSONEncoder().encode(document)
            return Loopback.json(try JSONSerialization.jsonObject(with: data))
        }
        router.post("/token") { [self] request, _ in
            let form = try await Loopback.form(request)
            update { $0.tokenExchanges.append(form) }
            return try await tokenExchange(form)
        }
        router.get("/mcp/servers") { [self] request, _ in
            guard request.headers[.authorization] == "Bearer idp-access-token" else {
                return Loopback.oauthError("invalid_token", "log in", status: .unauthorized)
            }
            return Loopback.json(try JSONSerialization.jsonObject(with: Data(options.catalogJSON.utf8)))
        }
        return router
    }

    private func tokenExchange(_ form: [String: String]) async throws -> Response {
        guard form["grant_type"] == GrantType.tokenExchange.rawValue else {
            return Loopback.oauthError("unsupported_grant_type", "grant_type must be token-exchange")
        }
        guard let subjectToken = form["subject_token"], form["subject_token_type"] == TokenType.idToken.rawValue,
            form["requested_token_type"] == TokenType.idJAG.rawValue, let audience = form["audience"], let resource = form["resource"]
        else { return Loopback.oauthError("invalid_request", "missing or wrong parameter") }
        let idpURL = read(\.idpURL)
        let verifier = JWTVerifier(expectedType: .absentOr("JWT"), allowedAlgorithms: [.es256], keys: VerificationKeySet([idpKey.verificationKey]))
        guard let idToken = try? await verifier.verify(subjectToken), (try? idToken.claims.issuer) == Issuer(idpURL),
            (try? idToken.claims.audience) == [Self.idpClientID]
        else { return Loopback.oauthError("invalid_grant", "the ID token does not verify") }
        let options = self.options
        if options.deniedResources.contains(resource) {
            return Loopback.oauthError(
                "access_denied", "blocked by your organization's policy: MCP server not allowed for your group",
                extra: ["audit_reference": "audit-4711"])
        }
        let now = Int64(Date().timeIntervalSince1970)
        var claims: [String: JSONValue] = [
            "sub": .string("demo-user@example.com"), "resource": .string(resource), "client_id": .string(Self.clientID),
            "iss": .string(idpURL), "aud": .string(audience), "iat": .integer(now), "exp": .integer(now + 300),
            "jti": .string(UUID().uuidString),
        ]
        if let scope = form["scope"] { claims["scope"] = .string(scope) }
        let idJAG = try idpKey.sign(claims, type: EnterpriseManagedAuthorization.idJAGType)
        return Loopback.json(["access_token": idJAG, "issued_token_type": options.issuedTokenType, "token_type": "N_A"])
    }
}

import Crypto
import Foundation
import Hummingbird
import Synchronization
import ZeroTouchCore
import ZeroTouchJOSE

/// A standard OpenID provider for the login tests: discovery, an authorization endpoint that
/// redirects at once (no login page: the user is "already signed in"), a token endpoint for the
/// authorization code (PKCE checked) and refresh token grants, and a JWKS. Time comes from `clock`.
final class MockOpenIDProvider: Sendable {
    static let clientID = "zerotouch-cli"
    static let clientSecret = "cli-secret"

    struct Options: Sendable {
        var stateOverride: String?
        var nonceOverride: String?
        var redirectError: String?
        var idTokenLifetime: TimeInterval = 300
        var refreshRevoked = false
    }

    struct Pending: Sendable {
        var challenge: String
        var redirectURI: String
        var nonce: String
    }

    struct State: Sendable {
        var url = ""
        var options = Options()
        var authorizeQueries: [[String: String]] = []
        var tokenRequests: [[String: String]] = []
        var pending: [String: Pending] = [:]
        var refreshTokens: Set<String> = []
        var issued = 0
    }

    let key: SigningKey
    let clock: ManualClock
    let state = Mutex(State())

    init(clock: ManualClock) throws {
        key = try SigningKey.generate(.es256)
        self.clock = clock
    }

    func update(_ body: (inout State) -> Void) { state.withLock { body(&$0) } }
    func read<T>(_ body: (State) -> T) -> T { state.withLock { body($0) } }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/.well-known/openid-configuration") { [self] _, _ in
            let url = read(\.url)
            return Loopback.json([
                "issuer": url, "authorization_endpoint": url + "/authorize", "token_endpoint": url + "/token", "jwks_uri": url + "/jwks",
                "response_types_supported": ["code"], "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic"], "id_token_signing_alg_values_supported": ["ES256"],
            ])
        }
        router.get("/jwks") { [self] _, _ in
            Loopback.json(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(JWKSDocument(keys: [key.publicJWK]))))
        }
        router.get("/authorize") { [self] request, _ in authorize(request) }
        router.post("/token") { [self] request, _ in
            let form = try await Loopback.form(request)
            update { $0.tokenRequests.append(form) }
            guard MockWorld.basicUsername(request.headers[.authorization], password: Self.clientSecret) == Self.clientID else {
                return Loopback.oauthError("invalid_client", "bad client", status: .unauthorized)
            }
            return try token(form)
        }
        return router
    }

    private func authorize(_ request: Request) -> Response {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        update { $0.authorizeQueries.append(query) }
        let options = read(\.options)
        guard query["response_type"] == "code", query["client_id"] == Self.clientID, query["code_challenge_method"] == "S256",
            let redirect = query["redirect_uri"], redirect.hasPrefix("http://127.0.0.1:"), let state = query["state"],
            let nonce = query["nonce"], let challenge = query["code_challenge"]
        else { return Response(status: .badRequest) }
        var location = URLComponents(string: redirect)!
        if let error = options.redirectError {
            location.queryItems = [URLQueryItem(name: "error", value: error), URLQueryItem(name: "state", value: state)]
        } else {
            let code = UUID().uuidString
            update { $0.pending[code] = Pending(challenge: challenge, redirectURI: redirect, nonce: options.nonceOverride ?? nonce) }
            location.queryItems = [URLQueryItem(name: "code", value: code), URLQueryItem(name: "state", value: options.stateOverride ?? state)]
        }
        var headers = HTTPFields()
        headers[.location] = location.string!
        return Response(status: .found, headers: headers)
    }

    private func token(_ form: [String: String]) throws -> Response {
        switch form["grant_type"] {
        case "authorization_code":
            let pending = state.withLock { $0.pending.removeValue(forKey: form["code"] ?? "") }
            guard let pending, form["redirect_uri"] == pending.redirectURI,
                let verifier = form["code_verifier"], Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8)))) == pending.challenge
            else { return Loopback.oauthError("invalid_grant", "bad code or verifier") }
            return try issue(nonce: pending.nonce)
        case "refresh_token":
            let valid = read { $0.refreshTokens.contains(form["refresh_token"] ?? "") && !$0.options.refreshRevoked }
            guard valid else { return Loopback.oauthError("invalid_grant", "refresh token revoked") }
            return try issue(nonce: nil)
        default:
            return Loopback.oauthError("unsupported_grant_type", "no")
        }
    }

    private func issue(nonce: String?) throws -> Response {
        let now = clock.now
        let number = state.withLock { state in
            state.issued += 1
            return state.issued
        }
        var claims: [String: JSONValue] = [
            "iss": .string(read(\.url)), "aud": .string(Self.clientID), "sub": .string("u-1001"), "email": .string("ada@example.com"),
            "name": .string("Ada Lovelace"), "iat": .integer(Int64(now.timeIntervalSince1970)),
            "exp": .integer(Int64(now.timeIntervalSince1970 + read(\.options.idTokenLifetime))), "jti": .string("id-\(number)"),
        ]
        if let nonce { claims["nonce"] = .string(nonce) }
        let refresh = "refresh-\(number)"
        update { $0.refreshTokens.insert(refresh) }
        return Loopback.json([
            "access_token": "idp-access-\(number)", "token_type": "Bearer", "expires_in": 300, "refresh_token": refresh,
            "id_token": try key.sign(claims, type: "JWT"),
        ])
    }
}

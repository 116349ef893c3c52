import NIOHTTP1
import ZeroTouchCore

/// The IdP's token endpoint for the login itself: the authorization code grant with PKCE
/// (RFC 6749 §4.1.3, RFC 7636 §4.5) and the refresh token grant (RFC 6749 §6).
struct OpenIDTokenClient: Sendable {
    var http: HTTPExchange
    var tokenEndpoint: String
    var issuer: Issuer
    var credential: TokenEndpointCredential
    var offeredAuthenticationMethods: [String]?
    var clock: any WallClock

    /// Redeems an authorization code.
    /// - Throws: `ZeroTouchClientError.loginFailed`, `.insecureEndpoint`, `.transportFailed`, `.malformedResponse`.
    func redeem(code: String, redirectURI: String, verifier: SecretValue) async throws(ZeroTouchClientError) -> TokenEndpointResponse {
        let reply = try await post([
            ("grant_type", GrantType.authorizationCode.rawValue), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier.revealed),
        ])
        guard reply.status == 200 else {
            throw ZeroTouchClientError(
                .loginFailed, "the IdP refused the authorization code", nextStep: "Run `zerotouch login` again", url: tokenEndpoint,
                status: reply.status, oauthError: HTTPExchange.oauthError(in: reply))
        }
        return try HTTPExchange.decode(TokenEndpointResponse.self, from: reply, what: "token response", url: tokenEndpoint)
    }

    /// Uses a refresh token. A refusal means the session is over.
    /// - Throws: `ZeroTouchClientError.loginRequired`, `.insecureEndpoint`, `.transportFailed`, `.malformedResponse`.
    func refresh(_ refreshToken: SecretValue) async throws(ZeroTouchClientError) -> TokenEndpointResponse {
        let reply = try await post([("grant_type", GrantType.refreshToken.rawValue), ("refresh_token", refreshToken.revealed)])
        guard reply.status == 200 else {
            throw ZeroTouchClientError(
                .loginRequired, "your sign-in has expired and could not be renewed", nextStep: "Run `zerotouch login` again",
                url: tokenEndpoint, status: reply.status, oauthError: HTTPExchange.oauthError(in: reply))
        }
        return try HTTPExchange.decode(TokenEndpointResponse.self, from: reply, what: "token response", url: tokenEndpoint)
    }

    private func post(_ grant: [(String, String)]) async throws(ZeroTouchClientError) -> HTTPExchange.Reply {
        try http.check(tokenEndpoint, what: "IdP token endpoint")
        var parameters = grant
        var headers = HTTPHeaders()
        let authenticator = try ClientAuthenticator(credential: credential, offered: offeredAuthenticationMethods, audience: issuer.rawValue, clock: clock)
        try authenticator.apply(to: &parameters, headers: &headers)
        return try await http.postForm(tokenEndpoint, what: "IdP token endpoint", parameters: parameters, headers: headers)
    }
}

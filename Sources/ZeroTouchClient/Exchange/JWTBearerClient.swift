public import AsyncHTTPClient
import Foundation
import NIOHTTP1
public import ZeroTouchCore

/// Leg 2: redeems an ID-JAG at the MCP server's authorization server with the RFC 7523 jwt-bearer
/// grant (ID-JAG §4.4, EMA-S §5; checklist C-22 … C-27), authenticating with this client's
/// credential *for that issuer* (C-24, C-37) and sending `resource` (C-26, decisions X-8).
/// `scope` is not sent: the ID-JAG carries it (C-25).
public struct JWTBearerClient: Sendable {
    /// The authorization server's metadata, with its checked issuer.
    public var issuer: Issuer
    /// Its token endpoint, already checked by discovery.
    public var tokenEndpoint: String
    /// This client's credential at that server.
    public var credential: TokenEndpointCredential
    /// Its `token_endpoint_auth_methods_supported`.
    public var offeredAuthenticationMethods: [String]?
    let http: HTTPExchange
    let clock: any WallClock

    /// Creates a client for one authorization server.
    public init(
        issuer: Issuer, tokenEndpoint: String, credential: TokenEndpointCredential, offeredAuthenticationMethods: [String]?,
        httpClient: HTTPClient = ZeroTouchHTTPClient.shared, endpointPolicy: EndpointPolicy = .standard, clock: any WallClock = SystemClock(),
        timeout: Duration = .seconds(10)
    ) {
        self.issuer = issuer
        self.tokenEndpoint = tokenEndpoint
        self.credential = credential
        self.offeredAuthenticationMethods = offeredAuthenticationMethods
        self.http = HTTPExchange(httpClient: httpClient, endpointPolicy: endpointPolicy, timeout: timeout)
        self.clock = clock
    }

    /// Redeems `assertion` for an access token to `resource`.
    /// - Parameter requestedScope: the scope the ID-JAG was requested with, kept on the token.
    /// - Throws: `ZeroTouchClientError` `.insecureEndpoint`, `.jwtBearerGrantFailed`, `.malformedResponse`,
    ///   `.transportFailed`, `.configurationInvalid`.
    public func redeem(_ assertion: SecretValue, resource: ResourceIdentifier, requestedScope: Scope?) async throws(ZeroTouchClientError) -> AccessToken {
        try http.check(tokenEndpoint, what: "authorization server token endpoint")
        var parameters: [(String, String)] = [
            ("grant_type", GrantType.jwtBearer.rawValue),
            ("assertion", assertion.revealed),
            ("resource", resource.rawValue),
        ]
        var headers = HTTPHeaders()
        let authenticator = try ClientAuthenticator(credential: credential, offered: offeredAuthenticationMethods, audience: issuer.rawValue, clock: clock)
        try authenticator.apply(to: &parameters, headers: &headers)
        let reply = try await http.postForm(tokenEndpoint, what: "authorization server token endpoint", parameters: parameters, headers: headers)
        guard reply.status == 200 else { throw failure(reply) }
        let response = try HTTPExchange.decode(TokenEndpointResponse.self, from: reply, what: "token response", url: tokenEndpoint)
        guard response.tokenType?.lowercased() == "bearer" else {
            throw ZeroTouchClientError(
                .malformedResponse, "the authorization server issued a '\(ZeroTouchClientError.printable(response.tokenType ?? "none"))' token, not Bearer",
                url: tokenEndpoint)
        }
        let now = clock.now
        return AccessToken(
            value: SecretValue(response.accessToken), issuer: issuer, resource: resource,
            expiresAt: response.expiresIn.map { now.addingTimeInterval(TimeInterval($0)) },
            scope: response.scope.flatMap { try? Scope(parsing: $0) }, requestedScope: requestedScope, obtainedAt: now)
    }

    private func failure(_ reply: HTTPExchange.Reply) -> ZeroTouchClientError {
        let body = HTTPExchange.oauthError(in: reply)
        let nextStep = body?.error == OAuthErrorCode.invalidClient.rawValue
            ? "Check the client credentials configured for \(issuer)" : nil
        return ZeroTouchClientError(
            .jwtBearerGrantFailed, "authorization server \(issuer) refused the ID-JAG (HTTP \(reply.status))", nextStep: nextStep,
            url: tokenEndpoint, status: reply.status, oauthError: body)
    }
}

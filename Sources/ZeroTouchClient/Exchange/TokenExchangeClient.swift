public import AsyncHTTPClient
import NIOHTTP1
public import ZeroTouchCore

/// Leg 1: asks the enterprise IdP for an ID-JAG by RFC 8693 token exchange (ID-JAG §4.3, EMA-S §4).
///
/// The response must say `issued_token_type` = `urn:ietf:params:oauth:token-type:id-jag`;
/// anything else is refused and never forwarded (checklist C-19). `expires_in` is not required.
/// An `access_denied` answer is the organization's policy: it becomes `.blockedByPolicy` with the
/// IdP's description and audit reference, and nothing falls back to interactive consent (C-33).
public struct TokenExchangeClient: Sendable {
    /// The IdP's token endpoint; it must pass the endpoint policy before the ID token is sent.
    public var tokenEndpoint: String
    /// The IdP's issuer identifier: the `aud` of a `private_key_jwt` assertion.
    public var issuer: Issuer
    /// This client's credential at the IdP (C-18).
    public var credential: TokenEndpointCredential
    /// The IdP's `token_endpoint_auth_methods_supported`, when known.
    public var offeredAuthenticationMethods: [String]?
    let http: HTTPExchange
    let clock: any WallClock

    /// Creates a client for one IdP.
    public init(
        tokenEndpoint: String, issuer: Issuer, credential: TokenEndpointCredential, offeredAuthenticationMethods: [String]? = nil,
        httpClient: HTTPClient = ZeroTouchHTTPClient.shared, endpointPolicy: EndpointPolicy = .standard, clock: any WallClock = SystemClock(),
        timeout: Duration = .seconds(10)
    ) {
        self.tokenEndpoint = tokenEndpoint
        self.issuer = issuer
        self.credential = credential
        self.offeredAuthenticationMethods = offeredAuthenticationMethods
        self.http = HTTPExchange(httpClient: httpClient, endpointPolicy: endpointPolicy, timeout: timeout)
        self.clock = clock
    }

    /// Requests an ID-JAG.
    /// - Throws: `ZeroTouchClientError` `.insecureEndpoint` (nothing sent), `.blockedByPolicy`,
    ///   `.loginRequired` (the IdP wants a fresh sign-in, ID-JAG §8.2), `.tokenExchangeFailed`,
    ///   `.unexpectedTokenType`, `.malformedResponse`, `.transportFailed`, `.configurationInvalid`.
    public func requestIDJAG(_ request: IDJAGRequest) async throws(ZeroTouchClientError) -> IssuedIDJAG {
        try http.check(tokenEndpoint, what: "IdP token endpoint")
        var parameters: [(String, String)] = [
            ("grant_type", GrantType.tokenExchange.rawValue),
            ("requested_token_type", TokenType.idJAG.rawValue),
            ("audience", request.audience.rawValue),
            ("resource", request.resource.rawValue),
        ]
        if let scope = request.scope?.parameterValue { parameters.append(("scope", scope)) }
        parameters.append(("subject_token", request.subjectToken.revealed))
        parameters.append(("subject_token_type", request.subjectTokenType.rawValue))
        var headers = HTTPHeaders()
        let authenticator = try ClientAuthenticator(credential: credential, offered: offeredAuthenticationMethods, audience: issuer.rawValue, clock: clock)
        try authenticator.apply(to: &parameters, headers: &headers)
        let reply = try await http.postForm(tokenEndpoint, what: "IdP token endpoint", parameters: parameters, headers: headers)
        guard reply.status == 200 else { throw Self.failure(reply, url: tokenEndpoint) }
        let response = try HTTPExchange.decode(TokenEndpointResponse.self, from: reply, what: "token exchange response", url: tokenEndpoint)
        guard response.issuedTokenType == TokenType.idJAG.rawValue else {
            throw ZeroTouchClientError(
                .unexpectedTokenType,
                "the IdP issued '\(ZeroTouchClientError.printable(response.issuedTokenType ?? "no issued_token_type"))' instead of an ID-JAG",
                nextStep: "The IdP does not support enterprise-managed authorization for this client", url: tokenEndpoint)
        }
        return IssuedIDJAG(
            assertion: SecretValue(response.accessToken), scope: response.scope.flatMap { try? Scope(parsing: $0) }, expiresIn: response.expiresIn)
    }

    /// The error for a non-200 answer (RFC 6749 §5.2, RFC 8693 §2.2.2, decisions "Policy denial").
    static func failure(_ reply: HTTPExchange.Reply, url: String) -> ZeroTouchClientError {
        guard let body = HTTPExchange.oauthError(in: reply) else {
            return ZeroTouchClientError(.tokenExchangeFailed, "the IdP answered HTTP \(reply.status)", url: url, status: reply.status)
        }
        let denial = PolicyDenial(
            reason: ZeroTouchClientError.printable(body.errorDescription ?? "access denied by policy"),
            auditReference: body.auditReference.map { ZeroTouchClientError.printable($0) })
        switch OAuthErrorCode(rawValue: body.error) {
        case .accessDenied:
            return ZeroTouchClientError(
                .blockedByPolicy, denial.description, nextStep: "Ask your administrator for access, quoting the audit reference",
                url: url, status: reply.status, oauthError: body, denial: denial)
        case .insufficientUserAuthentication:
            return ZeroTouchClientError(
                .loginRequired, "the IdP requires a fresh sign-in for this server", nextStep: "Run `zerotouch login` again",
                url: url, status: reply.status, oauthError: body)
        case .invalidGrant:
            return ZeroTouchClientError(
                .tokenExchangeFailed, "the IdP refused the sign-in token", nextStep: "Your sign-in may have expired: run `zerotouch login`",
                url: url, status: reply.status, oauthError: body)
        case .invalidClient:
            return ZeroTouchClientError(
                .tokenExchangeFailed, "the IdP did not accept this client's credentials", nextStep: "Check the client id and secret",
                url: url, status: reply.status, oauthError: body)
        default:
            return ZeroTouchClientError(.tokenExchangeFailed, "the IdP refused the token exchange", url: url, status: reply.status, oauthError: body)
        }
    }
}

public import ZeroTouchCore

/// A checked OpenID Connect authorization request, code flow with PKCE S256 only (OpenID Connect Core
/// §3.1.2.1, RFC 6749 §4.1.1, RFC 7636 §4.3).
public struct AuthorizationRequest: Sendable, Equatable, Codable {
    public var clientID: ClientID
    /// Where the response goes: accepted by `RegisteredClient.acceptsRedirectURI` (exact, or RFC 8252 loopback).
    public var redirect: AuthorizationRedirect
    public var scope: Scope
    public var nonce: String?
    public var codeChallenge: String
    /// `prompt=login`: sign in again even with a session.
    public var forcesLogin: Bool
    /// `prompt=none`: never show a page; fail with `login_required` instead.
    public var forbidsInteraction: Bool
    /// `max_age`: the longest acceptable age of the sign-in, in seconds.
    public var maximumAuthenticationAge: Int?

    /// The largest query accepted.
    public static let maximumQuerySize = 8 * 1024
    static let maximumStateLength = 1024
    static let maximumNonceLength = 512

    /// Checks a request in the order RFC 6749 §4.1.2.1 requires: the client and redirect URI first
    /// (failures shown, never redirected), then the rest (failures sent back to the client).
    /// - Throws: `AuthorizationRequestRejection`.
    public init(query: URLEncodedForm, in snapshot: IdPSnapshot) throws(AuthorizationRequestRejection) {
        guard let clientValue = query.value("client_id") else { throw .missingClientID }
        let clientID = ClientID(clientValue)
        guard clientValue.utf8.count <= 255, let client = snapshot.client(clientID) else { throw .unknownClient(clientID) }
        guard !client.isDisabled else { throw .clientDisabled(clientID) }
        guard let redirectURI = query.value("redirect_uri") else { throw .missingRedirectURI }
        guard client.acceptsRedirectURI(redirectURI) else { throw .unregisteredRedirectURI(clientID) }
        let state = query.value("state")
        let redirect = AuthorizationRedirect(redirectURI: redirectURI, state: (state?.utf8.count ?? 0) <= Self.maximumStateLength ? state : nil)
        guard (state?.utf8.count ?? 0) <= Self.maximumStateLength else { throw .malformedParameter("state", redirect) }

        guard query.value("response_type") == "code" else { throw .unsupportedResponseType(redirect) }
        if let mode = query.value("response_mode"), mode != "query" { throw .unsupportedResponseMode(redirect) }
        guard query["request"] == nil, query["request_uri"] == nil else { throw .requestObjectNotSupported(redirect) }
        guard let scope = try? Scope(parsing: query.value("scope") ?? "") else { throw .malformedScope(redirect) }
        guard scope.contains("openid") else { throw .missingOpenIDScope(redirect) }
        guard let challenge = query.value("code_challenge") else { throw .missingCodeChallenge(redirect) }
        guard query.value("code_challenge_method") == PKCE.method else { throw .unsupportedCodeChallengeMethod(redirect) }
        guard PKCE.isWellFormedChallenge(challenge) else { throw .malformedCodeChallenge(redirect) }
        let nonce = query.value("nonce")
        guard (nonce?.utf8.count ?? 0) <= Self.maximumNonceLength else { throw .malformedParameter("nonce", redirect) }
        let prompts = Set((query.value("prompt") ?? "").split(separator: " ").map(String.init))
        guard !prompts.contains("none") || prompts.count == 1 else { throw .malformedParameter("prompt", redirect) }
        var maximumAge: Int?
        if let text = query.value("max_age") {
            guard let value = Int(text), value >= 0, text.utf8.count <= 10 else { throw .malformedParameter("max_age", redirect) }
            maximumAge = value
        }
        self.clientID = clientID
        self.redirect = redirect
        self.scope = scope
        self.nonce = nonce
        self.codeChallenge = challenge
        self.forcesLogin = prompts.contains("login")
        self.forbidsInteraction = prompts.contains("none")
        self.maximumAuthenticationAge = maximumAge
    }
}

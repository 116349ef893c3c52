public import ZeroTouchCore

/// The web admin console at `/admin` as a built-in first-party client of this IdP (issue 10): it signs
/// admins in through the ordinary code flow with PKCE S256 (RFC 6749 §4.1, RFC 7636), so the sign-in
/// page, the second factor, the throttle and the `login` audit records are the same as for any client.
///
/// It is not stored in the registry: it cannot be disabled, edited or given a secret, it takes no part
/// in the token exchange, and its only redirect URI is this IdP's own `/admin/callback`.
public enum AdminConsoleClient {
    /// The console's `client_id`.
    public static let clientID = ClientID("zerotouch-admin-console")
    /// Its name on the sign-in page.
    public static let name = "ZeroTouch admin console"
    /// Where the code comes back.
    public static let callbackPath = "/admin/callback"

    /// The authorization request of a console sign-in: scope `openid`, PKCE S256 with `codeChallenge`,
    /// redirect to `callbackURL` (this IdP's `/admin/callback`) with `state`.
    public static func authorizationRequest(callbackURL: String, state: String, codeChallenge: String) -> AuthorizationRequest {
        AuthorizationRequest(
            consoleClient: clientID, redirect: AuthorizationRedirect(redirectURI: callbackURL, state: state), challenge: codeChallenge)
    }

    /// Whether `id` is the console's `client_id`.
    public static func isConsole(_ id: ClientID) -> Bool { id == clientID }
}

extension AuthorizationRequest {
    /// The console's own request, built here rather than parsed: its client is built in.
    init(consoleClient: ClientID, redirect: AuthorizationRedirect, challenge: String) {
        self.clientID = consoleClient
        self.redirect = redirect
        self.scope = ["openid"]
        self.nonce = nil
        self.codeChallenge = challenge
        self.forcesLogin = false
        self.forbidsInteraction = false
        self.maximumAuthenticationAge = nil
    }
}

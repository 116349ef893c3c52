public import Foundation
public import ZeroTouchCore
import ZeroTouchJOSE

/// Signs the user in at the enterprise IdP with the OpenID Connect authorization code flow and
/// keeps the session fresh (EMA-S §3, §7.5.2–§7.5.3; checklist C-6, C-7, C-8).
///
/// `logIn` runs, in order: IdP metadata (issuer checked, endpoints allowed by the policy) → a
/// loopback listener on 127.0.0.1 with an OS-chosen port (RFC 8252 §7.3) → `state`, `nonce` and
/// a PKCE S256 pair → the authorization URL handed to `present` → the redirect: `state` compared
/// in constant time *before anything else is read*, then `iss` (RFC 9207) when sent or promised,
/// then `error` → the code redeemed with the verifier → the ID token verified, `nonce` included.
/// A failing step sends nothing further: a redirect with the wrong `state` never reaches the
/// token endpoint.
public struct SingleSignOn: Sendable {
    /// The settings.
    public var settings: LoginSettings
    let clock: any WallClock
    let keys: JWKSCache

    /// Creates a sign-on for `settings`.
    public init(settings: LoginSettings, clock: any WallClock = SystemClock()) {
        self.settings = settings
        self.clock = clock
        self.keys = JWKSCache(fetcher: HTTPJWKSFetcher(httpClient: settings.httpClient, endpointPolicy: settings.endpointPolicy), clock: clock)
    }

    /// Runs the login.
    /// - Parameter present: shows the authorization URL to the user: opens the browser or prints it.
    /// - Returns: the new session, not yet saved.
    /// - Throws: `ZeroTouchClientError` `.stateMismatch`, `.nonceMismatch`, `.idTokenInvalid`, `.loginFailed`,
    ///   `.insecureEndpoint`, `.issuerMismatch`, `.transportFailed`, …
    public func logIn(present: @Sendable (URL) async throws -> Void) async throws(ZeroTouchClientError) -> StoredCredentials {
        let endpoints = try await discoverEndpoints()
        let listener = try await LoopbackRedirectListener.start()
        do {
            let credentials = try await run(endpoints: endpoints, listener: listener, present: present)
            await listener.close()
            return credentials
        } catch {
            await listener.close()
            throw error
        }
    }

    private func run(
        endpoints: IdentityProviderEndpoints, listener: LoopbackRedirectListener, present: @Sendable (URL) async throws -> Void
    ) async throws(ZeroTouchClientError) -> StoredCredentials {
        let request = AuthorizationRequest(
            authorizationEndpoint: endpoints.authorizationEndpoint, clientID: settings.credential.clientID,
            redirectURI: listener.redirectURI, scope: settings.scope)
        guard let url = request.url else {
            throw ZeroTouchClientError(.loginFailed, "the IdP's authorization endpoint is not a valid URL", url: endpoints.authorizationEndpoint)
        }
        do {
            try await present(url)
        } catch {
            throw ZeroTouchClientError(.loginFailed, "the sign-in page could not be shown: \(error)")
        }
        let redirect = try await listener.waitForRedirect(timeout: settings.browserTimeout)
        let code = try request.code(from: redirect, issuer: settings.issuer, issuerParameterRequired: endpoints.promisesIssuerParameter)
        let tokens = tokenClient(endpoints)
        let response = try await tokens.redeem(code: code, redirectURI: listener.redirectURI, verifier: request.pkce.verifier)
        guard let idToken = response.idToken else {
            throw ZeroTouchClientError(.loginFailed, "the IdP did not return an ID token; is `openid` among the scopes?", url: endpoints.tokenEndpoint)
        }
        let identity = try await validator(endpoints.jwksURI).validate(idToken, nonce: request.nonce)
        let now = clock.now
        return StoredCredentials(
            issuer: settings.issuer, clientID: settings.credential.clientID, tokenEndpoint: endpoints.tokenEndpoint, jwksURI: endpoints.jwksURI,
            tokenEndpointAuthMethods: endpoints.authenticationMethods, idToken: SecretValue(idToken), identity: identity,
            refreshToken: response.refreshToken.map(SecretValue.init), accessToken: SecretValue(response.accessToken),
            accessTokenExpiresAt: response.expiresIn.map { now.addingTimeInterval(TimeInterval($0)) }, loggedInAt: now)
    }

    /// Renews `credentials` with its refresh token (RFC 6749 §6, OpenID Connect Core §12). The new ID
    /// token is verified like the first, and must name the same user (§12.2).
    /// - Throws: `ZeroTouchClientError.loginRequired` when there is no refresh token, the IdP
    ///   refuses it, or returns no ID token; `.transportFailed` when the IdP is unreachable.
    public func renew(_ credentials: StoredCredentials) async throws(ZeroTouchClientError) -> StoredCredentials {
        guard let refreshToken = credentials.refreshToken else {
            throw ZeroTouchClientError(.loginRequired, "your sign-in has expired", nextStep: "Run `zerotouch login` again")
        }
        let endpoints = IdentityProviderEndpoints(
            authorizationEndpoint: "", tokenEndpoint: credentials.tokenEndpoint, jwksURI: credentials.jwksURI,
            authenticationMethods: credentials.tokenEndpointAuthMethods, promisesIssuerParameter: false)
        let response = try await tokenClient(endpoints).refresh(refreshToken)
        guard let idToken = response.idToken else {
            throw ZeroTouchClientError(.loginRequired, "the IdP renewed the session without a new ID token", nextStep: "Run `zerotouch login` again")
        }
        let identity = try await validator(credentials.jwksURI).validate(idToken, nonce: nil)
        guard identity.subject == credentials.identity.subject else {
            throw ZeroTouchClientError(.idTokenInvalid, "the renewed ID token names another user", nextStep: "Run `zerotouch login` again")
        }
        var renewed = credentials
        renewed.idToken = SecretValue(idToken)
        renewed.identity = identity
        renewed.refreshToken = response.refreshToken.map(SecretValue.init) ?? refreshToken
        renewed.accessToken = SecretValue(response.accessToken)
        renewed.accessTokenExpiresAt = response.expiresIn.map { clock.now.addingTimeInterval(TimeInterval($0)) }
        return renewed
    }

    private func tokenClient(_ endpoints: IdentityProviderEndpoints) -> OpenIDTokenClient {
        OpenIDTokenClient(
            http: settings.http, tokenEndpoint: endpoints.tokenEndpoint, issuer: settings.issuer, credential: settings.credential,
            offeredAuthenticationMethods: endpoints.authenticationMethods, clock: clock)
    }

    private func validator(_ jwksURI: String) -> IDTokenValidator {
        IDTokenValidator(
            issuer: settings.issuer, clientID: settings.credential.clientID, keys: keys.keySource(for: settings.issuer, at: .jwksURI(jwksURI)),
            clock: clock)
    }
}

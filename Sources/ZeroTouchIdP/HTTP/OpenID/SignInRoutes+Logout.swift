import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

extension SignInRoutes {
    /// `GET /logout` (OpenID Connect RP-Initiated Logout §2): a confirmation form when signed in.
    func confirmLogout(_ request: Request, context: IdPRequestContext) async throws -> Response {
        guard let query = try? await Self.parameters(of: request),
            let session = try await provider.signIn.session(for: BrowserCookies(isSecure: try provider.endpoints().isSecure).session(in: request), now: provider.clock.now)
        else { return SignInPages.signedOut().response() }
        return SignInPages.confirmLogout(
            csrfToken: session.csrfToken, clientID: query.value("client_id"), postLogoutRedirectURI: query.value("post_logout_redirect_uri"),
            state: query.value("state").flatMap { $0.utf8.count <= AuthorizationRequest.maximumStateLength ? $0 : nil }
        ).response()
    }

    /// `POST /logout`: ends the session, clears the cookie, and returns to the client only when
    /// `post_logout_redirect_uri` is registered for `client_id` (never an open redirect).
    func logout(_ request: Request, context: IdPRequestContext) async throws -> Response {
        let cookies = BrowserCookies(isSecure: try provider.endpoints().isSecure)
        guard let form = try? await URLEncodedForm(request: request, maximumSize: Self.maximumFormSize) else {
            return SignInPages.error("The sign-out form is malformed.").response()
        }
        do {
            try await provider.signIn.signOut(sessionToken: cookies.session(in: request), csrfToken: form["csrf_token"] ?? "")
        } catch let rejection as SignInRejection {
            return SignInPages.error(rejection.message, status: .forbidden).response()
        }
        let cleared = cookies.cookie(cookies.sessionName, value: "", maxAge: 0)
        // The same bound as `/authorize` puts on `state`: a longer one is never echoed into `Location`.
        let state = form.value("state")
        if let clientID = form.value("client_id"), let target = form.value("post_logout_redirect_uri"),
            (state?.utf8.count ?? 0) <= AuthorizationRequest.maximumStateLength,
            provider.registry.snapshot.client(ClientID(clientID))?.acceptsRedirectURI(target) == true
        {
            let redirect = AuthorizationRedirect(redirectURI: target, state: state)
            return HTMLPage.redirect(to: redirect.location(with: [], issuer: try provider.issuer.issuer()), status: .seeOther, setting: [cleared])
        }
        return SignInPages.signedOut().response(setting: [cleared])
    }
}

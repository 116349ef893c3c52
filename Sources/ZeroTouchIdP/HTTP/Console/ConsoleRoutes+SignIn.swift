import Foundation
import HTTPTypes
import Logging
import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

extension ConsoleRoutes {
    /// The cookie that binds a console sign-in to the browser that started it: `state` and the PKCE
    /// verifier (RFC 7636 §4.1), `HttpOnly`, for the length of a pending sign-in.
    var bindingCookieName: String { cookies.isSecure ? "__Host-zt_console" : "zt_console" }

    func addSignIn(to router: Router<IdPRequestContext>) {
        router.get("/admin/login") { request, context in try await signIn(request, context: context) }
        router.get(RouterPath(AdminConsoleClient.callbackPath)) { request, context in try await callback(request, context: context) }
    }

    /// `GET /admin/login`: an authorization request of the built-in console client through `SignInFlow`:
    /// the IdP's own sign-in page, or at once a code when the browser already has a session.
    func signIn(_ request: Request, context: IdPRequestContext) async throws -> Response {
        let endpoints = try provider.endpoints()
        let state = OpaqueToken.generate().value
        let verifier = OpaqueToken.generate().value
        let authorization = AdminConsoleClient.authorizationRequest(
            callbackURL: endpoints.url(AdminConsoleClient.callbackPath), state: state, codeChallenge: PKCE.challenge(for: verifier))
        let outcome = try await provider.signIn.authorize(
            authorization, sessionToken: cookies.session(in: request), browserSecret: cookies.signIn(in: request))
        let lifetime = Int(provider.options.lifetimes.pendingSignIn)
        var setting = [cookies.cookie(bindingCookieName, value: state + "." + verifier, maxAge: lifetime)]
        switch outcome {
        case .redirect(let location):
            return ConsoleResponse.redirect(to: location, status: .found, setting: setting)
        case .signIn(let pending, let secret):
            if let secret { setting.append(cookies.cookie(cookies.signInName, value: secret.value, maxAge: lifetime)) }
            return SignInPages.password(pending, clientName: AdminConsoleClient.name).response(setting: setting)
        }
    }

    /// `GET /admin/callback`: spends the code (single use), checks `state`, `iss` (RFC 9207) and the PKCE
    /// verifier from the binding cookie, then opens the console. The browser session set by the sign-in
    /// is what authorizes every console page; the code proves the sign-in finished in this browser.
    func callback(_ request: Request, context: IdPRequestContext) async throws -> Response {
        let query = Self.query(request)
        let cleared = cookies.cookie(bindingCookieName, value: "", maxAge: 0)
        let failed = renderer.message(
            title: "Sign-in failed", text: "The sign-in could not be completed in this browser. Nothing was signed in to the console.",
            link: ("/admin/login", "Sign in again"), status: .badRequest)
        guard let code = query.value("code"), code.utf8.count <= OpaqueToken.maximumLength, let state = query.value("state"),
            query.value("iss") == (try provider.issuer.issuer()).rawValue,
            let binding = request.cookies[bindingCookieName]?.value, binding.utf8.count <= 2 * OpaqueToken.maximumLength + 1
        else {
            context.logger.info("console sign-in callback refused", metadata: ["reason": "missing code, state, iss or binding cookie"])
            return failed
        }
        let parts = binding.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, ConstantTime.equals(state, parts[0]),
            case .redeemed(let grant) = try await provider.signIn.grants.redeemCode(TokenHash(of: code)),
            AdminConsoleClient.isConsole(grant.clientID), grant.expiresAt > provider.clock.now, PKCE.verify(parts[1], against: grant.codeChallenge)
        else {
            context.logger.info("console sign-in callback refused", metadata: ["reason": "state, code or verifier mismatch"])
            return failed
        }
        return ConsoleResponse.redirect(to: "/admin", setting: [cleared])
    }
}

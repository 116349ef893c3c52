import HTTPTypes
import Hummingbird
import Logging
import ZeroTouchCore
import ZeroTouchServer

/// `/authorize`, the sign-in forms and logout: the browser-facing routes (OpenID Connect Core §3.1.2).
/// Each handler reads the request, calls `SignInFlow`, and renders a page or a redirect.
struct SignInRoutes {
    let provider: IdentityProvider

    /// The largest sign-in form accepted.
    static let maximumFormSize = 16 * 1024

    func add(to router: Router<IdPRequestContext>) {
        router.get(RouterPath(IdPEndpoints.authorizationPath)) { request, context in try await authorize(request, context: context) }
        router.post(RouterPath(IdPEndpoints.authorizationPath)) { request, context in try await authorize(request, context: context) }
        router.post(RouterPath(IdPEndpoints.loginPath)) { request, context in try await submitPassword(request, context: context) }
        router.post(RouterPath(IdPEndpoints.secondFactorPath)) { request, context in try await submitSecondFactor(request, context: context) }
        router.get(RouterPath(IdPEndpoints.logoutPath)) { request, context in try await confirmLogout(request, context: context) }
        router.post(RouterPath(IdPEndpoints.logoutPath)) { request, context in try await logout(request, context: context) }
    }

    private var cookies: BrowserCookies { BrowserCookies(isSecure: (try? provider.endpoints().isSecure) ?? true) }

    /// `GET`/`POST /authorize`: checks the request, then redirects with a code (session) or shows the form.
    func authorize(_ request: Request, context: IdPRequestContext) async throws -> Response {
        let issuer = try provider.issuer.issuer()
        do {
            let query = try await Self.parameters(of: request)
            let authorization = try AuthorizationRequest(query: query, in: provider.registry.snapshot)
            let outcome = try await provider.signIn.authorize(
                authorization, sessionToken: cookies.session(in: request), browserSecret: cookies.signIn(in: request))
            switch outcome {
            case .redirect(let location):
                return HTMLPage.redirect(to: location)
            case .signIn(let pending, let secret):
                let binding = secret.map { [cookies.cookie(cookies.signInName, value: $0.value, maxAge: Int(provider.options.lifetimes.pendingSignIn))] }
                return SignInPages.password(pending, clientName: clientName(pending)).response(setting: binding ?? [])
            }
        } catch let rejection as AuthorizationRequestRejection {
            context.logger.info("authorization request rejected", metadata: ["reason": .string(rejection.description)])
            guard let redirect = rejection.redirect else { return SignInPages.error(rejection.errorDescription).response() }
            return HTMLPage.redirect(to: redirect.errorLocation(rejection.errorCode, description: rejection.errorDescription, issuer: issuer))
        } catch let error as OAuthErrorResponse {
            return SignInPages.error(error.errorDescription ?? "the authorization request is malformed").response()
        }
    }

    /// `POST /login`: username and password.
    func submitPassword(_ request: Request, context: IdPRequestContext) async throws -> Response {
        guard let form = try? await URLEncodedForm(request: request, maximumSize: Self.maximumFormSize) else {
            return SignInPages.error("The sign-in form is malformed.").response()
        }
        let username = form["username"] ?? ""
        do {
            let step = try await provider.signIn.submitPassword(submission(form, request, context), username: username, password: form["password"] ?? "")
            return respond(step)
        } catch let rejection as SignInRejection {
            return render(rejection, username: username, context: context)
        }
    }

    /// `POST /login/otp`: the one-time code.
    func submitSecondFactor(_ request: Request, context: IdPRequestContext) async throws -> Response {
        guard let form = try? await URLEncodedForm(request: request, maximumSize: Self.maximumFormSize) else {
            return SignInPages.error("The sign-in form is malformed.").response()
        }
        do {
            return respond(try await provider.signIn.submitSecondFactor(submission(form, request, context), code: form["code"] ?? ""))
        } catch let rejection as SignInRejection {
            return render(rejection, username: "", context: context)
        }
    }

    private func submission(_ form: URLEncodedForm, _ request: Request, _ context: IdPRequestContext) -> SignInSubmission {
        SignInSubmission(
            pendingID: form["request_id"] ?? "", csrfToken: form["csrf_token"] ?? "", browserSecret: cookies.signIn(in: request),
            address: context.remoteAddress)
    }

    private func respond(_ step: SignInStep) -> Response {
        switch step {
        case .secondFactorRequired(let pending):
            return SignInPages.secondFactor(pending).response()
        case .completed(let location, let session):
            let cookie = cookies.cookie(cookies.sessionName, value: session.value, maxAge: Int(provider.options.lifetimes.session))
            return HTMLPage.redirect(to: location, status: .seeOther, setting: [cookie])
        }
    }

    private func render(_ rejection: SignInRejection, username: String, context: IdPRequestContext) -> Response {
        context.logger.info("sign-in rejected", metadata: ["reason": .string(rejection.description)])
        let status = HTTPResponse.Status(code: rejection.httpStatus)
        switch rejection {
        case .expired, .forgedSubmission:
            return SignInPages.error(rejection.message, status: status).response()
        case .throttled(let pending, let retryAfter):
            var response = page(for: pending, message: rejection.message, username: username, status: status).response()
            response.headers[.retryAfter] = String(retryAfter)
            return response
        case .invalidCredentials(let pending, _), .invalidSecondFactor(let pending, _):
            return page(for: pending, message: rejection.message, username: username, status: status).response()
        }
    }

    /// The form `pending` is at, with `message`.
    private func page(for pending: PendingSignIn, message: String, username: String, status: HTTPResponse.Status) -> HTMLPage {
        switch pending.stage {
        case .password: SignInPages.password(pending, clientName: clientName(pending), message: message, username: username, status: status)
        case .secondFactor: SignInPages.secondFactor(pending, message: message, status: status)
        }
    }

    private func clientName(_ pending: PendingSignIn) -> String {
        if AdminConsoleClient.isConsole(pending.request.clientID) { return AdminConsoleClient.name }
        return provider.registry.snapshot.client(pending.request.clientID)?.name ?? pending.request.clientID.rawValue
    }

    /// The parameters of `/authorize`: the query of a GET, the form body of a POST (OpenID Connect Core §3.1.2.1).
    static func parameters(of request: Request) async throws(OAuthErrorResponse) -> URLEncodedForm {
        if request.method == .post { return try await URLEncodedForm(request: request, maximumSize: AuthorizationRequest.maximumQuerySize) }
        return try URLEncodedForm(parsing: Array((request.uri.query ?? "").utf8), maximumSize: AuthorizationRequest.maximumQuerySize)
    }
}

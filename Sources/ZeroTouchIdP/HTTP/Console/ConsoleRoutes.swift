import Foundation
import HTTPTypes
import Logging
import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

/// The web admin console under `/admin` (issue 10): server-rendered pages over the same domain code as
/// the JSON admin API, for members of `IdPOptions.consoleAdminGroup` signed in through the IdP's own login.
///
/// Every GET page checks the browser session; every POST also checks the form's CSRF token against the
/// session's (OWASP synchronizer token) and, when the browser sends one, the `Origin`. A change goes
/// through `IdPRegistry`, which validates and audits it with the actor `console:<username>`.
struct ConsoleRoutes {
    let provider: IdentityProvider
    var registry: IdPRegistry { provider.registry }
    var renderer: ConsoleRenderer { .shared }

    /// The largest console form accepted.
    static let maximumFormSize = 64 * 1024

    /// A page handler for a signed-in admin.
    typealias Page = @Sendable (Request, IdPRequestContext, ConsoleAdmin) async throws -> Response
    /// A form handler: it throws `ConsoleFormError` or `IdPAdminError` for input the admin can correct.
    typealias Change = @Sendable (URLEncodedForm, IdPRequestContext, ConsoleAdmin) async throws -> Response
    /// Renders the form's page again with the error, the form as typed, and the error's status.
    typealias Redisplay = @Sendable (ConsoleFormError, URLEncodedForm, IdPRequestContext, ConsoleAdmin) async throws -> Response

    func add(to router: Router<IdPRequestContext>) {
        router.get("/admin/console.css") { _, _ in ConsoleResponse.body(ConsoleTemplates.stylesheet, contentType: "text/css; charset=utf-8") }
        addSignIn(to: router)
        page(router, "/admin") { _, _, admin in home(admin) }
        addUsers(to: router)
        addGroups(to: router)
        addCatalog(to: router)
        addPolicies(to: router)
        addInsight(to: router)
        addAudit(to: router)
        addKeys(to: router)
    }

    var cookies: BrowserCookies { BrowserCookies(isSecure: (try? provider.endpoints().isSecure) ?? true) }

    /// Registers `GET path` for admins.
    func page(_ router: Router<IdPRequestContext>, _ path: String, _ handler: @escaping Page) {
        router.get(RouterPath(path)) { request, context in
            switch try await access(request) {
            case .admin(let admin): return try await handler(request, context, admin)
            case .signedOut: return ConsoleResponse.redirect(to: "/admin/login", status: .found)
            case .forbidden(let user, let session): return forbidden(user, session)
            }
        }
    }

    /// Registers `POST path` for admins: session → form → CSRF token and origin → `handler`.
    func form(_ router: Router<IdPRequestContext>, _ path: String, redisplay: @escaping Redisplay, _ handler: @escaping Change) {
        router.post(RouterPath(path)) { request, context in
            let admin: ConsoleAdmin
            switch try await access(request) {
            case .admin(let signedIn): admin = signedIn
            case .signedOut: return ConsoleResponse.redirect(to: "/admin/login")
            case .forbidden(let user, let session): return forbidden(user, session)
            }
            guard let form = try? await URLEncodedForm(request: request, maximumSize: Self.maximumFormSize) else {
                return renderer.message(title: "Bad request", text: "The form is malformed or too large.", admin: admin, status: .badRequest)
            }
            guard isSameOrigin(request), let token = form["csrf_token"], ConstantTime.equals(token, admin.csrfToken) else {
                context.logger.info("console form refused", metadata: ["reason": "csrf token missing or wrong", "path": .string(path)])
                return renderer.message(
                    title: "Form refused", text: "The form's security token is missing or out of date. Nothing was changed; reload the page and try again.",
                    admin: admin, status: .forbidden)
            }
            do {
                return try await handler(form, context, admin)
            } catch let error as ConsoleFormError {
                return try await redisplay(error, form, context, admin)
            } catch let error as IdPAdminError {
                context.logger.info("console change refused", metadata: ["reason": .string(error.description)])
                return try await redisplay(ConsoleFormError(error), form, context, admin)
            }
        }
    }

    /// A second CSRF defence beside the token (OWASP): a cross-site request by Fetch Metadata
    /// (`Sec-Fetch-Site: cross-site`) or an `Origin` naming another origin is refused. `Origin: null`
    /// carries no information: browsers send it on every form POST from a `Referrer-Policy: no-referrer` page.
    private func isSameOrigin(_ request: Request) -> Bool {
        if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" { return false }
        guard let origin = request.headers[.origin], origin != "null" else { return true }
        guard let issuer = try? provider.endpoints().issuer.rawValue, let url = URL(string: issuer), let scheme = url.scheme, let host = url.host
        else { return false }
        let expected = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        return origin.lowercased() == expected.lowercased()
    }

    /// Whose browser this is, and whether they may use the console.
    func access(_ request: Request) async throws -> ConsoleAccess {
        guard let session = try await provider.signIn.session(for: cookies.session(in: request), now: provider.clock.now) else { return .signedOut }
        let snapshot = registry.snapshot
        guard let user = snapshot.user(session.userID) else { return .signedOut }
        guard let group = snapshot.group(named: provider.options.consoleAdminGroup), snapshot.groupIDs(of: user.id).contains(group.id) else {
            return .forbidden(user, session)
        }
        return .admin(ConsoleAdmin(user: user, session: session))
    }

    /// `403` for a signed-in user outside the admin group, with a way to sign out and in as someone else.
    private func forbidden(_ user: User, _ session: BrowserSession) -> Response {
        renderer.page(
            "message", title: "Not allowed", section: .home, admin: nil,
            values: [
                "text": "You are signed in as \(user.username), who is not a member of the group \(provider.options.consoleAdminGroup) "
                    + "that may use the admin console.",
                "signout_csrf": session.csrfToken,
            ],
            status: .forbidden)
    }

    /// The overview.
    private func home(_ admin: ConsoleAdmin) -> Response {
        let snapshot = registry.snapshot
        return renderer.page(
            "home", title: "Overview", section: .home, admin: admin,
            values: [
                "user_count": snapshot.users.count, "group_count": snapshot.groups.count, "server_count": snapshot.servers.count,
                "client_count": snapshot.clients.count, "rule_count": snapshot.rules.count, "admin_group": provider.options.consoleAdminGroup,
                "admin_name": admin.user.username,
            ])
    }

    /// A path parameter, bounded.
    static func parameter(_ name: String, _ context: IdPRequestContext) throws(ConsoleFormError) -> String {
        guard let value = context.parameters.get(name), !value.isEmpty, value.utf8.count <= 2048 else {
            throw ConsoleFormError("missing or oversized path parameter '\(name)'", status: 404)
        }
        return value
    }

    /// The query of a GET, parsed; a malformed one reads as empty.
    static func query(_ request: Request) -> URLEncodedForm {
        (try? URLEncodedForm(parsing: Array((request.uri.query ?? "").utf8), maximumSize: 8 * 1024)) ?? URLEncodedForm()
    }
}

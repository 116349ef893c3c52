import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

extension ConsoleRoutes {
    func addUsers(to router: Router<IdPRequestContext>) {
        page(router, "/admin/users") { request, _, admin in usersPage(admin, search: Self.query(request).value("q"), notice: Self.notice(request)) }
        form(router, "/admin/users", redisplay: { error, form, _, admin in usersPage(admin, typed: form, error: error) }) { form, _, admin in
            let typed = form.value("password")
            let password = typed ?? Self.generatedPassword()
            let details = UserDetails(username: form["username"] ?? "", email: form.value("email"), displayName: form["display_name"] ?? "")
            let user = try await registry.createUser(details, password: password, by: admin.actor)
            guard typed == nil else { return ConsoleResponse.redirect(to: "/admin/users/\(user.id.rawValue)?notice=created") }
            return passwordPage(admin, user: user, password: password, created: true)
        }
        page(router, "/admin/users/:id") { request, context, admin in
            try userPage(admin, id: UserID(try Self.parameter("id", context)), notice: Self.notice(request))
        }
        userAction(router, "suspend") { id, admin in try await registry.suspendUser(id, by: admin.actor) }
        userAction(router, "reactivate") { id, admin in try await registry.reactivateUser(id, by: admin.actor) }
        userAction(router, "groups/add") { id, admin, form in
            try await registry.addMember(id, to: GroupID(try Self.field("group_id", form)), by: admin.actor)
        }
        userAction(router, "groups/remove") { id, admin, form in
            try await registry.removeMember(id, from: GroupID(try Self.field("group_id", form)), by: admin.actor)
        }
        form(router, "/admin/users/:id/password", redisplay: userRedisplay) { _, context, admin in
            let id = UserID(try Self.parameter("id", context))
            let password = Self.generatedPassword()
            try await registry.resetPassword(of: id, to: password, by: admin.actor)
            return passwordPage(admin, user: try registry.existingUser(id), password: password, created: false)
        }
    }

    /// A POST on `/admin/users/:id/<action>` that redirects back to the user.
    private func userAction(
        _ router: Router<IdPRequestContext>, _ action: String, _ change: @escaping @Sendable (UserID, ConsoleAdmin, URLEncodedForm) async throws -> Void
    ) {
        form(router, "/admin/users/:id/\(action)", redisplay: userRedisplay) { form, context, admin in
            let id = UserID(try Self.parameter("id", context))
            try await change(id, admin, form)
            return ConsoleResponse.redirect(to: "/admin/users/\(id.rawValue)?notice=saved")
        }
    }

    private func userAction(_ router: Router<IdPRequestContext>, _ action: String, _ change: @escaping @Sendable (UserID, ConsoleAdmin) async throws -> Void) {
        userAction(router, action) { id, admin, _ in try await change(id, admin) }
    }

    private var userRedisplay: Redisplay {
        { error, _, context, admin in
            let id = UserID((try? Self.parameter("id", context)) ?? "")
            guard registry.snapshot.user(id) != nil else {
                return renderer.message(title: "Not found", text: error.message, admin: admin, status: .notFound)
            }
            return try userPage(admin, id: id, error: error)
        }
    }

    func usersPage(
        _ admin: ConsoleAdmin, search: String? = nil, typed: URLEncodedForm = URLEncodedForm(), notice: String? = nil, error: ConsoleFormError? = nil
    ) -> Response {
        let snapshot = registry.snapshot
        let needle = search.map { String($0.prefix(200)).lowercased() }
        let users = snapshot.users.filter { user in
            guard let needle else { return true }
            return [user.username, user.displayName, user.email ?? ""].contains { $0.lowercased().contains(needle) }
        }
        let rows: [[String: Any]] = users.map { user in
            [
                "id": user.id.rawValue, "username": user.username, "display_name": user.displayName, "email": user.email ?? "",
                "suspended": !user.isActive, "second_factor": user.hasSecondFactor,
                "groups": snapshot.groupIDs(of: user.id).compactMap { snapshot.group($0)?.name }.sorted().joined(separator: ", "),
            ]
        }
        let values: [String: Any] = [
            "users": rows, "q": search ?? "", "count": rows.count, "username": typed["username"] ?? "",
            "display_name": typed["display_name"] ?? "", "email": typed["email"] ?? "",
        ]
        return renderer.page(
            "users", title: "Users", section: .directory, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func userPage(_ admin: ConsoleAdmin, id: UserID, notice: String? = nil, error: ConsoleFormError? = nil) throws -> Response {
        let snapshot = registry.snapshot
        guard let user = snapshot.user(id) else {
            return renderer.message(title: "Not found", text: "No user with id \(id.rawValue).", admin: admin, status: .notFound)
        }
        let memberOf = Set(snapshot.groupIDs(of: id))
        let values: [String: Any] = [
            "id": user.id.rawValue, "user_id": user.id.rawValue, "username": user.username, "display_name": user.displayName,
            "email": user.email ?? "", "suspended": !user.isActive, "second_factor": user.hasSecondFactor, "created": Self.timestamp(user.createdAt),
            "groups": snapshot.groups.filter { memberOf.contains($0.id) }.map { ["id": $0.id.rawValue, "name": $0.name] },
            "other_groups": snapshot.groups.filter { !memberOf.contains($0.id) }.map { ["id": $0.id.rawValue, "name": $0.name] },
        ]
        return renderer.page(
            "user", title: "User \(user.username)", section: .directory, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    /// The new password, shown this once: only its bcrypt hash is stored.
    private func passwordPage(_ admin: ConsoleAdmin, user: User, password: String, created: Bool) -> Response {
        renderer.page(
            "password", title: created ? "User created" : "Password reset", section: .directory, admin: admin,
            values: ["id": user.id.rawValue, "username": user.username, "password": password])
    }

    /// A random password of 24 base64url characters (144 bits).
    static func generatedPassword() -> String { String(OpaqueToken.generate().value.prefix(24)) }

    /// A required form field.
    static func field(_ name: String, _ form: URLEncodedForm) throws(ConsoleFormError) -> String {
        guard let value = form.value(name) else { throw ConsoleFormError("\(name): is required", status: 422) }
        return value
    }

    /// The confirmation named by `?notice=` (fixed texts only: nothing from the URL is shown).
    static func notice(_ request: Request) -> String? {
        switch query(request).value("notice") {
        case "created": "Created."
        case "saved": "Saved."
        case "deleted": "Deleted."
        case "rotated": "A new signing key is published; it signs after the activation delay."
        default: nil
        }
    }

    /// An ISO 8601 time.
    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }
}

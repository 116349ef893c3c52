import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

extension ConsoleRoutes {
    func addGroups(to router: Router<IdPRequestContext>) {
        page(router, "/admin/groups") { request, _, admin in groupsPage(admin, notice: Self.notice(request)) }
        form(router, "/admin/groups", redisplay: { error, form, _, admin in groupsPage(admin, typed: form, error: error) }) { form, _, admin in
            let group = try await registry.createGroup(name: form["name"] ?? "", description: form["description"] ?? "", by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/groups/\(group.id.rawValue)?notice=created")
        }
        page(router, "/admin/groups/:id") { request, context, admin in
            groupPage(admin, id: GroupID(try Self.parameter("id", context)), notice: Self.notice(request))
        }
        let redisplay: Redisplay = { error, _, context, admin in
            groupPage(admin, id: GroupID((try? Self.parameter("id", context)) ?? ""), error: error)
        }
        form(router, "/admin/groups/:id/delete", redisplay: redisplay) { _, context, admin in
            try await registry.deleteGroup(GroupID(try Self.parameter("id", context)), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/groups?notice=deleted")
        }
        form(router, "/admin/groups/:id/members/add", redisplay: redisplay) { form, context, admin in
            let group = GroupID(try Self.parameter("id", context))
            let username = try Self.field("username", form)
            guard let user = registry.snapshot.user(username: username) else {
                throw ConsoleFormError("username: no user named '\(username.prefix(100))'", status: 422)
            }
            try await registry.addMember(user.id, to: group, by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/groups/\(group.rawValue)?notice=saved")
        }
        form(router, "/admin/groups/:id/members/remove", redisplay: redisplay) { form, context, admin in
            let group = GroupID(try Self.parameter("id", context))
            try await registry.removeMember(UserID(try Self.field("user_id", form)), from: group, by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/groups/\(group.rawValue)?notice=saved")
        }
    }

    func groupsPage(_ admin: ConsoleAdmin, typed: URLEncodedForm = URLEncodedForm(), notice: String? = nil, error: ConsoleFormError? = nil) -> Response {
        let snapshot = registry.snapshot
        let rows: [[String: Any]] = snapshot.groups.map {
            ["id": $0.id.rawValue, "name": $0.name, "description": $0.description, "members": snapshot.memberIDs(of: $0.id).count]
        }
        return renderer.page(
            "groups", title: "Groups", section: .directory, admin: admin,
            values: ["groups": rows, "name": typed["name"] ?? "", "description": typed["description"] ?? ""], notice: notice,
            error: error?.message, status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func groupPage(_ admin: ConsoleAdmin, id: GroupID, notice: String? = nil, error: ConsoleFormError? = nil) -> Response {
        let snapshot = registry.snapshot
        guard let group = snapshot.group(id) else {
            return renderer.message(title: "Not found", text: error?.message ?? "No group with id \(id.rawValue).", admin: admin, status: .notFound)
        }
        let members: [[String: Any]] = snapshot.memberIDs(of: id).compactMap { snapshot.user($0) }.sorted { $0.usernameKey < $1.usernameKey }.map {
            ["user_id": $0.id.rawValue, "username": $0.username, "display_name": $0.displayName]
        }
        let values: [String: Any] = [
            "id": group.id.rawValue, "group_id": group.id.rawValue, "name": group.name, "description": group.description,
            "created": Self.timestamp(group.createdAt), "members": members,
        ]
        return renderer.page(
            "group", title: "Group \(group.name)", section: .directory, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }
}

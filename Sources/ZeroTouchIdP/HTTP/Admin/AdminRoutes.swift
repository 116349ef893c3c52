import Hummingbird
import ZeroTouchCore

/// The admin JSON API under `/admin/api` (issue 3, item 9). Every route needs an admin bearer token;
/// every change goes through `IdPRegistry`, which validates it and audits it in the same transaction.
struct AdminRoutes {
    let provider: IdentityProvider
    var registry: IdPRegistry { provider.registry }

    func add(to router: Router<IdPRequestContext>) {
        let api = router.group(RouterPath(IdPEndpoints.adminAPIPath)).add(middleware: AdminAuthenticationMiddleware(registry: provider.registry))
        addUsers(to: api)
        addGroups(to: api)
        addClients(to: api)
        addServers(to: api)
        addPolicies(to: api)
        addInsight(to: api)
    }

    private func addUsers(to api: RouterGroup<IdPRequestContext>) {
        api.get("users") { request, context in try Admin.json(registry.snapshot.users.map(\.profile), request: request, context: context) }
        api.post("users") { request, context in
            let body = try await Admin.body(UserCreateBody.self, of: request)
            let user = try await registry.createUser(body.details, password: body.password, by: try Admin.actor(context))
            return try Admin.json(user.profile, status: .created, request: request, context: context)
        }
        api.get("users/:id") { request, context in
            try Admin.json(try registry.existingUser(UserID(try Admin.parameter("id", context))).profile, request: request, context: context)
        }
        api.put("users/:id") { request, context in
            let body = try await Admin.body(UserUpdateBody.self, of: request)
            let details = UserDetails(username: body.username, email: body.email, displayName: body.displayName)
            let user = try await registry.updateUser(UserID(try Admin.parameter("id", context)), to: details, by: try Admin.actor(context))
            return try Admin.json(user.profile, request: request, context: context)
        }
        api.delete("users/:id") { _, context in
            try await registry.deleteUser(UserID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
        api.post("users/:id/suspend") { _, context in
            try await registry.suspendUser(UserID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
        api.post("users/:id/reactivate") { _, context in
            try await registry.reactivateUser(UserID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
        api.post("users/:id/password") { request, context in
            let body = try await Admin.body(PasswordBody.self, of: request)
            try await registry.resetPassword(of: UserID(try Admin.parameter("id", context)), to: body.password, by: try Admin.actor(context))
            return Admin.noContent
        }
        api.post("users/:id/totp") { request, context in
            let enrollment = try await registry.enrollSecondFactor(for: UserID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            let view = EnrollmentView(secret: enrollment.secret, provisioningURI: enrollment.provisioningURI)
            return try Admin.json(view, status: .created, request: request, context: context)
        }
        api.delete("users/:id/totp") { _, context in
            try await registry.removeSecondFactor(for: UserID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
    }

    private func addGroups(to api: RouterGroup<IdPRequestContext>) {
        api.get("groups") { request, context in try Admin.json(registry.snapshot.groups, request: request, context: context) }
        api.post("groups") { request, context in
            let body = try await Admin.body(GroupBody.self, of: request)
            let group = try await registry.createGroup(name: body.name, description: body.description ?? "", by: try Admin.actor(context))
            return try Admin.json(group, status: .created, request: request, context: context)
        }
        api.get("groups/:id") { request, context in
            try Admin.json(try registry.existingGroup(GroupID(try Admin.parameter("id", context))), request: request, context: context)
        }
        api.put("groups/:id") { request, context in
            let body = try await Admin.body(GroupBody.self, of: request)
            let group = try await registry.updateGroup(
                GroupID(try Admin.parameter("id", context)), name: body.name, description: body.description ?? "", by: try Admin.actor(context))
            return try Admin.json(group, request: request, context: context)
        }
        api.delete("groups/:id") { _, context in
            try await registry.deleteGroup(GroupID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
        api.get("groups/:id/members") { request, context in
            let snapshot = registry.snapshot
            let group = try registry.existingGroup(GroupID(try Admin.parameter("id", context)))
            let members = snapshot.memberIDs(of: group.id).compactMap { snapshot.user($0)?.profile }
            return try Admin.json(members, request: request, context: context)
        }
        api.put("groups/:id/members/:user") { _, context in
            try await registry.addMember(
                UserID(try Admin.parameter("user", context)), to: GroupID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
        api.delete("groups/:id/members/:user") { _, context in
            try await registry.removeMember(
                UserID(try Admin.parameter("user", context)), from: GroupID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
    }
}

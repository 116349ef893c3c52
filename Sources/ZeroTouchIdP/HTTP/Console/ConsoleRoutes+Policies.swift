import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

extension ConsoleRoutes {
    func addPolicies(to router: Router<IdPRequestContext>) {
        page(router, "/admin/policies") { request, _, admin in policiesPage(admin, notice: Self.notice(request)) }
        form(router, "/admin/policies", redisplay: { error, form, _, admin in policiesPage(admin, typed: form, error: error) }) { form, _, admin in
            let rule = try await registry.createRule(try ConsoleForms.ruleDraft(form, in: registry.snapshot).rule(), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/policies/\(rule.id.rawValue)?notice=created")
        }
        page(router, "/admin/policies/:id") { request, context, admin in
            policyPage(admin, id: PolicyRuleID(try Self.parameter("id", context)), notice: Self.notice(request))
        }
        let redisplay: Redisplay = { error, form, context, admin in
            policyPage(admin, id: PolicyRuleID((try? Self.parameter("id", context)) ?? ""), typed: form, error: error)
        }
        form(router, "/admin/policies/:id", redisplay: redisplay) { form, context, admin in
            let id = PolicyRuleID(try Self.parameter("id", context))
            _ = try await registry.updateRule(try ConsoleForms.ruleDraft(form, in: registry.snapshot).rule(id: id), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/policies/\(id.rawValue)?notice=saved")
        }
        form(router, "/admin/policies/:id/delete", redisplay: redisplay) { _, context, admin in
            try await registry.deleteRule(PolicyRuleID(try Self.parameter("id", context)), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/policies?notice=deleted")
        }
    }

    func policiesPage(_ admin: ConsoleAdmin, typed: URLEncodedForm? = nil, notice: String? = nil, error: ConsoleFormError? = nil) -> Response {
        let snapshot = registry.snapshot
        let rows: [[String: Any]] = snapshot.rules.map { rule in
            [
                "id": rule.id.rawValue, "name": rule.name, "effect": rule.effect.rawValue, "allow": rule.effect == .allow,
                "subjects": Self.subjects(rule.subjects, snapshot), "clients": rule.clients.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "any",
                "servers": rule.servers.map { $0.map { snapshot.server($0)?.name ?? $0.rawValue }.joined(separator: ", ") } ?? "any",
                "scopes": rule.scopes?.description ?? "all", "conditions": Self.conditions(rule.conditions),
            ]
        }
        var values = ruleFormValues(typed ?? URLEncodedForm(["effect": "allow"]), snapshot)
        values["rules"] = rows
        return renderer.page(
            "policies", title: "Policies", section: .policies, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func policyPage(_ admin: ConsoleAdmin, id: PolicyRuleID, typed: URLEncodedForm? = nil, notice: String? = nil, error: ConsoleFormError? = nil) -> Response {
        let snapshot = registry.snapshot
        guard let rule = snapshot.rule(id) else {
            return renderer.message(title: "Not found", text: error?.message ?? "No policy rule with id \(id.rawValue).", admin: admin, status: .notFound)
        }
        var stored: [String: String] = [
            "name": rule.name, "effect": rule.effect.rawValue, "scopes": rule.scopes?.description ?? "",
            "users": rule.subjects.users.map { snapshot.user($0)?.username ?? $0.rawValue }.joined(separator: "\n"),
            "maximum_authentication_age": rule.conditions.maximumAuthenticationAge.map(String.init) ?? "",
        ]
        if rule.subjects.everyone { stored["everyone"] = "on" }
        if rule.conditions.requiresSecondFactor { stored["requires_second_factor"] = "on" }
        for group in rule.subjects.groups { stored["group.\(group.rawValue)"] = "on" }
        for server in rule.servers ?? [] { stored["server.\(server.rawValue)"] = "on" }
        for client in rule.clients ?? [] { stored["client.\(client.rawValue)"] = "on" }
        var values = ruleFormValues(typed ?? URLEncodedForm(stored), snapshot)
        values["id"] = rule.id.rawValue
        return renderer.page(
            "policy", title: "Policy rule \(rule.name)", section: .policies, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    private func ruleFormValues(_ form: URLEncodedForm, _ snapshot: IdPSnapshot) -> [String: Any] {
        [
            "name": form["name"] ?? "", "allow": form["effect"] != "deny", "deny": form["effect"] == "deny", "everyone": form["everyone"] != nil,
            "users": form["users"] ?? "", "scopes": form["scopes"] ?? "", "requires_second_factor": form["requires_second_factor"] != nil,
            "maximum_authentication_age": form["maximum_authentication_age"] ?? "",
            "groups": snapshot.groups.map { ["value": $0.id.rawValue, "label": $0.name, "checked": form["group.\($0.id.rawValue)"] != nil] },
            "servers": snapshot.servers.map {
                ["value": $0.id.rawValue, "label": "\($0.name) (\($0.allScopes))", "checked": form["server.\($0.id.rawValue)"] != nil]
            },
            "clients": snapshot.clients.map { ["value": $0.id.rawValue, "label": $0.name, "checked": form["client.\($0.id.rawValue)"] != nil] },
        ]
    }

    /// Who a rule applies to, by name.
    static func subjects(_ subjects: PolicySubjects, _ snapshot: IdPSnapshot) -> String {
        var parts: [String] = subjects.everyone ? ["everyone"] : []
        parts += subjects.groups.map { "group " + (snapshot.group($0)?.name ?? $0.rawValue) }
        parts += subjects.users.map { "user " + (snapshot.user($0)?.username ?? $0.rawValue) }
        return parts.isEmpty ? "nobody" : parts.joined(separator: ", ")
    }

    /// A rule's conditions in words.
    static func conditions(_ conditions: PolicyConditions) -> String {
        var parts: [String] = []
        if conditions.requiresSecondFactor { parts.append("second factor") }
        if let age = conditions.maximumAuthenticationAge { parts.append("signed in within \(age) s") }
        return parts.joined(separator: ", ")
    }
}

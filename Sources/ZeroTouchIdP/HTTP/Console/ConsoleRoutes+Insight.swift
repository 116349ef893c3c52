import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

extension ConsoleRoutes {
    /// `GET /admin/explain` (a question changes nothing, so it is a GET form) and `GET /admin/matrix`.
    func addInsight(to router: Router<IdPRequestContext>) {
        page(router, "/admin/explain") { request, _, admin in explainPage(admin, query: Self.query(request)) }
        page(router, "/admin/matrix") { _, _, admin in matrixPage(admin) }
    }

    func explainPage(_ admin: ConsoleAdmin, query: URLEncodedForm) -> Response {
        let snapshot = registry.snapshot
        var values: [String: Any] = [
            "users": snapshot.users.map { ["value": $0.username, "selected": $0.username == query["user"]] },
            "clients": snapshot.clients.map { ["value": $0.id.rawValue, "label": $0.name, "selected": $0.id.rawValue == query["client"]] },
            "servers": snapshot.servers.map { ["value": $0.id.rawValue, "label": $0.name, "selected": $0.id.rawValue == query["server"]] },
            "scope": query["scope"] ?? "", "otp": query["otp"] != nil, "age": query["age"] ?? "",
        ]
        guard let user = query.value("user"), let client = query.value("client"), let server = query.value("server") else {
            return renderer.page("explain", title: "Explain a decision", section: .policies, admin: admin, values: values)
        }
        let age = Int(query["age"] ?? "") ?? 0
        let question = ExplainQuestion(
            user: user, client: ClientID(client), server: server, scope: query.value("scope"),
            methods: query["otp"] != nil ? [AuthenticationMethod.password, AuthenticationMethod.oneTimePassword] : [AuthenticationMethod.password],
            authenticationAge: min(max(age, 0), 31_536_000))
        do {
            let explanation = try snapshot.explain(question, now: provider.clock.now)
            let view = ExplanationView(explanation)
            let reached = explanation.evaluations.map { evaluation -> String in
                guard case .group(let id) = evaluation.subjectMatch else { return evaluation.subjectMatch.description }
                return "through group \(snapshot.group(id)?.name ?? id.rawValue)"
            }
            values["answer"] = [
                "allow": view.decision == "allow", "decision": view.decision, "scope": view.scope ?? "", "reason": view.reason ?? "",
                "error": view.error ?? "", "deciding": view.decidingRules.map { snapshot.rule($0)?.name ?? $0.rawValue }.joined(separator: ", "),
                "evaluations": zip(view.evaluations, reached).map { evaluation, reached in
                    [
                        "rule": evaluation.rule.rawValue, "name": evaluation.name, "effect": evaluation.effect.rawValue, "reached": reached,
                        "matched": evaluation.matched, "outcome": evaluation.outcome,
                    ] as [String: Any]
                },
            ] as [String: Any]
            return renderer.page("explain", title: "Explain a decision", section: .policies, admin: admin, values: values)
        } catch {
            return renderer.page(
                "explain", title: "Explain a decision", section: .policies, admin: admin, values: values, error: error.description,
                status: error.httpStatus == 404 ? .unprocessableContent : .badRequest)
        }
    }

    /// Which groups reach which servers with which scopes, from the allow and deny rules that name a
    /// group (or everyone). A `*` marks scopes that also depend on the client or on sign-in conditions.
    func matrixPage(_ admin: ConsoleAdmin) -> Response {
        let snapshot = registry.snapshot
        let servers = snapshot.servers
        let rows: [[String: Any]] = snapshot.groups.map { group in
            let cells: [[String: Any]] = servers.map { server in
                let applying = snapshot.rules.filter { rule in
                    (rule.subjects.everyone || rule.subjects.groups.contains(group.id)) && (rule.servers?.contains(server.id) ?? true)
                }
                var allowed = Scope([])
                var conditional = false
                for rule in applying where rule.effect == .allow {
                    allowed = allowed.union((rule.scopes ?? server.allScopes).intersection(server.allScopes))
                    conditional = conditional || !rule.conditions.isEmpty || rule.clients != nil
                }
                for rule in applying where rule.effect == .deny && rule.clients == nil && rule.conditions.isEmpty {
                    allowed = allowed.subtracting(rule.scopes ?? server.allScopes)
                }
                return [
                    "scopes": allowed.isEmpty ? "—" : allowed.description + (conditional ? " *" : ""), "reaches": !allowed.isEmpty,
                    "rules": applying.map(\.name).joined(separator: "; "),
                ]
            }
            return ["group": group.name, "group_id": group.id.rawValue, "cells": cells]
        }
        return renderer.page(
            "matrix", title: "Access matrix", section: .policies, admin: admin,
            values: ["servers": servers.map { ["name": $0.name, "id": $0.id.rawValue] }, "rows": rows])
    }
}

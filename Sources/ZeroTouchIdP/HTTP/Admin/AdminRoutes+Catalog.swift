import Hummingbird
import ZeroTouchCore

extension AdminRoutes {
    func addClients(to api: RouterGroup<IdPRequestContext>) {
        api.get("clients") { request, context in try Admin.json(registry.snapshot.clients.map(ClientView.init), request: request, context: context) }
        api.post("clients") { request, context in
            let created = try await registry.register(try await Admin.body(ClientDraft.self, of: request), by: try Admin.actor(context))
            return try Admin.json(created, status: .created, request: request, context: context)
        }
        api.get("clients/:id") { request, context in
            let id = ClientID(try Admin.parameter("id", context))
            guard let client = registry.snapshot.client(id) else { throw IdPAdminError.notFound(.client, id: id.rawValue) }
            return try Admin.json(ClientView(client), request: request, context: context)
        }
        api.put("clients/:id") { request, context in
            var draft = try await Admin.body(ClientDraft.self, of: request)
            draft.id = ClientID(try Admin.parameter("id", context))
            return try Admin.json(try await registry.update(draft, by: try Admin.actor(context)), request: request, context: context)
        }
        api.post("clients/:id/secret") { request, context in
            let rotated = try await registry.rotateSecret(of: ClientID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return try Admin.json(rotated, request: request, context: context)
        }
        api.delete("clients/:id") { _, context in
            try await registry.deleteClient(ClientID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
    }

    func addServers(to api: RouterGroup<IdPRequestContext>) {
        api.get("resources") { request, context in try Admin.json(registry.snapshot.servers, request: request, context: context) }
        api.post("resources") { request, context in
            let draft = try await Admin.body(ServerDraft.self, of: request)
            let server = try await registry.createServer(draft.server(), by: try Admin.actor(context))
            return try Admin.json(server, status: .created, request: request, context: context)
        }
        api.get("resources/:id") { request, context in
            let id = MCPServerID(try Admin.parameter("id", context))
            guard let server = registry.snapshot.server(id) else { throw IdPAdminError.notFound(.server, id: id.rawValue) }
            return try Admin.json(server, request: request, context: context)
        }
        api.put("resources/:id") { request, context in
            let draft = try await Admin.body(ServerDraft.self, of: request)
            let server = try await registry.updateServer(draft.server(id: MCPServerID(try Admin.parameter("id", context))), by: try Admin.actor(context))
            return try Admin.json(server, request: request, context: context)
        }
        api.delete("resources/:id") { _, context in
            try await registry.deleteServer(MCPServerID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
    }

    func addPolicies(to api: RouterGroup<IdPRequestContext>) {
        api.get("policies") { request, context in try Admin.json(registry.snapshot.rules, request: request, context: context) }
        api.post("policies") { request, context in
            let draft = try await Admin.body(RuleDraft.self, of: request)
            let rule = try await registry.createRule(draft.rule(), by: try Admin.actor(context))
            return try Admin.json(rule, status: .created, request: request, context: context)
        }
        api.get("policies/:id") { request, context in
            let id = PolicyRuleID(try Admin.parameter("id", context))
            guard let rule = registry.snapshot.rule(id) else { throw IdPAdminError.notFound(.rule, id: id.rawValue) }
            return try Admin.json(rule, request: request, context: context)
        }
        api.put("policies/:id") { request, context in
            let draft = try await Admin.body(RuleDraft.self, of: request)
            let rule = try await registry.updateRule(draft.rule(id: PolicyRuleID(try Admin.parameter("id", context))), by: try Admin.actor(context))
            return try Admin.json(rule, request: request, context: context)
        }
        api.delete("policies/:id") { _, context in
            try await registry.deleteRule(PolicyRuleID(try Admin.parameter("id", context)), by: try Admin.actor(context))
            return Admin.noContent
        }
    }

    /// `POST /admin/api/explain` and `GET /admin/api/audit`.
    func addInsight(to api: RouterGroup<IdPRequestContext>) {
        api.post("explain") { request, context in
            let question = try await Admin.body(ExplainQuestion.self, of: request)
            let explanation = try registry.snapshot.explain(question, now: provider.clock.now)
            return try Admin.json(ExplanationView(explanation), request: request, context: context)
        }
        api.get("audit") { request, context in
            let form = try URLEncodedForm(parsing: Array((request.uri.query ?? "").utf8), maximumSize: 8 * 1024)
            let page = try await provider.auditLog.query(try AuditQuery(parameters: form.parameters))
            return try Admin.json(AuditPageView(page), request: request, context: context)
        }
    }
}

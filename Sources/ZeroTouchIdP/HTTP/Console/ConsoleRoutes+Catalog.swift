import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

extension ConsoleRoutes {
    func addCatalog(to router: Router<IdPRequestContext>) {
        page(router, "/admin/servers") { request, _, admin in serversPage(admin, notice: Self.notice(request)) }
        form(router, "/admin/servers", redisplay: { error, form, _, admin in serversPage(admin, typed: form, error: error) }) { form, _, admin in
            let server = try await registry.createServer(try ConsoleForms.serverDraft(form).server(), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/servers/\(server.id.rawValue)?notice=created")
        }
        page(router, "/admin/servers/:id") { request, context, admin in
            serverPage(admin, id: MCPServerID(try Self.parameter("id", context)), notice: Self.notice(request))
        }
        let serverRedisplay: Redisplay = { error, form, context, admin in
            serverPage(admin, id: MCPServerID((try? Self.parameter("id", context)) ?? ""), typed: form, error: error)
        }
        form(router, "/admin/servers/:id", redisplay: serverRedisplay) { form, context, admin in
            let id = MCPServerID(try Self.parameter("id", context))
            _ = try await registry.updateServer(try ConsoleForms.serverDraft(form).server(id: id), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/servers/\(id.rawValue)?notice=saved")
        }
        form(router, "/admin/servers/:id/delete", redisplay: serverRedisplay) { _, context, admin in
            try await registry.deleteServer(MCPServerID(try Self.parameter("id", context)), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/servers?notice=deleted")
        }
        addClients(to: router)
    }

    func serversPage(_ admin: ConsoleAdmin, typed: URLEncodedForm = URLEncodedForm(), notice: String? = nil, error: ConsoleFormError? = nil) -> Response {
        let rows: [[String: Any]] = registry.snapshot.servers.map { server in
            [
                "id": server.id.rawValue, "name": server.name, "resource": server.resource.rawValue,
                "authorization_server": server.authorizationServer.rawValue, "scopes": server.allScopes.description,
                "lifetime": server.idJAGLifetime,
            ]
        }
        var values = Self.serverFormValues(typed)
        values["servers"] = rows
        return renderer.page(
            "servers", title: "MCP servers", section: .catalog, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func serverPage(
        _ admin: ConsoleAdmin, id: MCPServerID, typed: URLEncodedForm? = nil, notice: String? = nil, error: ConsoleFormError? = nil
    ) -> Response {
        guard let server = registry.snapshot.server(id) else {
            return renderer.message(title: "Not found", text: error?.message ?? "No MCP server with id \(id.rawValue).", admin: admin, status: .notFound)
        }
        let stored = URLEncodedForm([
            "name": server.name, "description": server.description, "resource": server.resource.rawValue,
            "authorization_server": server.authorizationServer.rawValue,
            "scopes": server.scopes.map { $0.description.isEmpty ? $0.name : "\($0.name) \($0.description)" }.joined(separator: "\n"),
            "id_jag_lifetime": String(server.idJAGLifetime), "includes_email": server.includesEmail ? "on" : "",
        ])
        var values = Self.serverFormValues(typed ?? stored)
        values["id"] = server.id.rawValue
        return renderer.page(
            "server", title: "MCP server \(server.name)", section: .catalog, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    private static func serverFormValues(_ form: URLEncodedForm) -> [String: Any] {
        [
            "name": form["name"] ?? "", "description": form["description"] ?? "", "resource": form["resource"] ?? "",
            "authorization_server": form["authorization_server"] ?? "", "scopes": form["scopes"] ?? "",
            "id_jag_lifetime": form["id_jag_lifetime"] ?? "", "includes_email": form.value("includes_email") != nil,
            "maximum_lifetime": MCPServer.maximumIDJAGLifetime,
        ]
    }
}

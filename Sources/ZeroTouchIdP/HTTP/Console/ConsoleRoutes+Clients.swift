import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

extension ConsoleRoutes {
    func addClients(to router: Router<IdPRequestContext>) {
        page(router, "/admin/clients") { request, _, admin in clientsPage(admin, notice: Self.notice(request)) }
        form(router, "/admin/clients", redisplay: { error, form, _, admin in clientsPage(admin, typed: form, error: error) }) { form, _, admin in
            let id = ClientID(form["id"] ?? "")
            let created = try await registry.register(try ConsoleForms.clientDraft(form, id: id, servers: registry.snapshot.servers), by: admin.actor)
            return secretOrRedirect(admin, created, notice: "created")
        }
        page(router, "/admin/clients/:id") { request, context, admin in
            clientPage(admin, id: ClientID(try Self.parameter("id", context)), notice: Self.notice(request))
        }
        let redisplay: Redisplay = { error, form, context, admin in
            clientPage(admin, id: ClientID((try? Self.parameter("id", context)) ?? ""), typed: form, error: error)
        }
        form(router, "/admin/clients/:id", redisplay: redisplay) { form, context, admin in
            let id = ClientID(try Self.parameter("id", context))
            let updated = try await registry.update(try ConsoleForms.clientDraft(form, id: id, servers: registry.snapshot.servers), by: admin.actor)
            return secretOrRedirect(admin, updated, notice: "saved")
        }
        form(router, "/admin/clients/:id/secret", redisplay: redisplay) { _, context, admin in
            secretOrRedirect(admin, try await registry.rotateSecret(of: ClientID(try Self.parameter("id", context)), by: admin.actor), notice: "saved")
        }
        form(router, "/admin/clients/:id/delete", redisplay: redisplay) { _, context, admin in
            try await registry.deleteClient(ClientID(try Self.parameter("id", context)), by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/clients?notice=deleted")
        }
    }

    /// A generated secret is shown once; otherwise back to the client.
    private func secretOrRedirect(_ admin: ConsoleAdmin, _ result: RegisteredClientWithSecret, notice: String) -> Response {
        guard let secret = result.clientSecret else { return ConsoleResponse.redirect(to: "/admin/clients/\(result.client.id.rawValue)?notice=\(notice)") }
        return renderer.page(
            "secret", title: "Client secret", section: .catalog, admin: admin, values: ["id": result.client.id.rawValue, "secret": secret])
    }

    func clientsPage(_ admin: ConsoleAdmin, typed: URLEncodedForm = URLEncodedForm(), notice: String? = nil, error: ConsoleFormError? = nil) -> Response {
        let snapshot = registry.snapshot
        let rows: [[String: Any]] = snapshot.clients.map { client in
            [
                "id": client.id.rawValue, "name": client.name, "method": client.credentials.method.rawValue, "disabled": client.isDisabled,
                "mapping": client.serverClientIDs.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) → \($0.value.rawValue)" }.joined(separator: ", "),
            ]
        }
        var values = clientFormValues(typed, servers: snapshot.servers)
        values["clients"] = rows
        values["client_id"] = typed["id"] ?? ""
        return renderer.page(
            "clients", title: "Clients", section: .catalog, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func clientPage(_ admin: ConsoleAdmin, id: ClientID, typed: URLEncodedForm? = nil, notice: String? = nil, error: ConsoleFormError? = nil) -> Response {
        let snapshot = registry.snapshot
        guard let client = snapshot.client(id) else {
            return renderer.message(title: "Not found", text: error?.message ?? "No client with id \(id.rawValue).", admin: admin, status: .notFound)
        }
        var stored: [String: String] = [
            "name": client.name, "method": client.credentials.method.rawValue, "application_type": client.applicationType.rawValue,
            "redirect_uris": client.redirectURIs.joined(separator: "\n"), "jwks": client.credentials.jwks ?? "",
            "jwks_uri": client.credentials.jwksURI ?? "", "disabled": client.isDisabled ? "on" : "",
        ]
        for (server, clientID) in client.serverClientIDs { stored["server_client_id.\(server.rawValue)"] = clientID.rawValue }
        var values = clientFormValues(typed ?? URLEncodedForm(stored), servers: snapshot.servers)
        values["id"] = client.id.rawValue
        values["uses_secret"] = client.credentials.secretHash != nil
        return renderer.page(
            "client", title: "Client \(client.name)", section: .catalog, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    private func clientFormValues(_ form: URLEncodedForm, servers: [MCPServer]) -> [String: Any] {
        let method = form["method"] ?? ClientAuthenticationMethod.clientSecretBasic.rawValue
        let type = form["application_type"] ?? ClientApplicationType.web.rawValue
        return [
            "name": form["name"] ?? "", "redirect_uris": form["redirect_uris"] ?? "", "jwks": form["jwks"] ?? "", "jwks_uri": form["jwks_uri"] ?? "",
            "disabled": form.value("disabled") != nil,
            "methods": ClientAuthenticationMethod.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == method] },
            "types": ClientApplicationType.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == type] },
            "mappings": servers.map { server in
                ["server_id": server.id.rawValue, "server_name": server.name, "value": form["server_client_id.\(server.id.rawValue)"] ?? ""]
            },
        ]
    }
}

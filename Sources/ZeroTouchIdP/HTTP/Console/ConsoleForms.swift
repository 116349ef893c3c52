import Foundation
import ZeroTouchCore

/// Reads the console's catalog and policy forms into the drafts the admin API takes, so both paths
/// share `IdPRegistry`'s validation. A field that cannot be read throws `ConsoleFormError` naming it.
enum ConsoleForms {
    /// One value per line, trimmed, empty lines dropped.
    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A whole number of seconds in `range`, or `nil` when empty.
    static func seconds(_ name: String, _ form: URLEncodedForm, in range: ClosedRange<Int>) throws(ConsoleFormError) -> Int? {
        guard let text = form.value(name) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ConsoleFormError("\(name): must be a whole number of seconds from \(range.lowerBound) to \(range.upperBound)", status: 422)
        }
        return value
    }

    /// An MCP server from the server form: scopes one per line as `name` or `name description`.
    static func serverDraft(_ form: URLEncodedForm) throws(ConsoleFormError) -> ServerDraft {
        let scopes = lines(form["scopes"]).map { line -> ScopeDefinition in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            return ScopeDefinition(parts[0], description: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        return ServerDraft(
            name: form["name"] ?? "", description: form["description"] ?? "", resource: ResourceIdentifier(form["resource"] ?? ""),
            authorizationServer: Issuer(form["authorization_server"] ?? ""), scopes: scopes,
            idJAGLifetime: try seconds("id_jag_lifetime", form, in: 1...MCPServer.maximumIDJAGLifetime), includesEmail: form["includes_email"] != nil)
    }

    /// A client from the client form: the server mapping in fields `server_client_id.<server id>`.
    static func clientDraft(_ form: URLEncodedForm, id: ClientID, servers: [MCPServer]) throws(ConsoleFormError) -> ClientDraft {
        guard let method = ClientAuthenticationMethod(rawValue: form["method"] ?? "") else {
            throw ConsoleFormError("method: must be one of \(ClientAuthenticationMethod.allCases.map(\.rawValue).joined(separator: ", "))", status: 422)
        }
        guard let type = ClientApplicationType(rawValue: form["application_type"] ?? "web") else {
            throw ConsoleFormError("application_type: must be web or native", status: 422)
        }
        var mapping: [MCPServerID: ClientID] = [:]
        for server in servers {
            if let value = form.value("server_client_id.\(server.id.rawValue)")?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                mapping[server.id] = ClientID(value)
            }
        }
        return ClientDraft(
            id: id, name: form["name"] ?? "", method: method, applicationType: type, redirectURIs: lines(form["redirect_uris"]),
            serverClientIDs: mapping, jwks: form.value("jwks"), jwksURI: form.value("jwks_uri"), disabled: form["disabled"] != nil)
    }

    /// A policy rule from the policy form: subjects as checked groups, listed usernames or everyone.
    static func ruleDraft(_ form: URLEncodedForm, in snapshot: IdPSnapshot) throws(ConsoleFormError) -> RuleDraft {
        guard let effect = PolicyEffect(rawValue: form["effect"] ?? "") else { throw ConsoleFormError("effect: must be allow or deny", status: 422) }
        let groups = form.parameters.keys.filter { $0.hasPrefix("group.") }.sorted().map { GroupID(String($0.dropFirst(6))) }
        var users: [UserID] = []
        for name in lines(form["users"]?.replacingOccurrences(of: ",", with: "\n")) {
            guard let user = snapshot.user(username: name) ?? snapshot.user(UserID(name)) else {
                throw ConsoleFormError("users: no user named '\(name.prefix(100))'", status: 422)
            }
            users.append(user.id)
        }
        let servers = form.parameters.keys.filter { $0.hasPrefix("server.") }.sorted().map { MCPServerID(String($0.dropFirst(7))) }
        let clients = form.parameters.keys.filter { $0.hasPrefix("client.") }.sorted().map { ClientID(String($0.dropFirst(7))) }
        var scopes: Scope?
        if let text = form.value("scopes") {
            guard let parsed = try? Scope(parsing: text.trimmingCharacters(in: .whitespaces)) else {
                throw ConsoleFormError("scopes: is not an RFC 6749 §3.3 scope (space-separated tokens)", status: 422)
            }
            scopes = parsed
        }
        let conditions = PolicyConditions(
            requiresSecondFactor: form["requires_second_factor"] != nil,
            maximumAuthenticationAge: try seconds("maximum_authentication_age", form, in: 1...31_536_000))
        return RuleDraft(
            name: form["name"] ?? "", effect: effect,
            subjects: PolicySubjects(everyone: form["everyone"] != nil, users: users, groups: groups),
            clients: clients.isEmpty ? nil : clients, servers: servers.isEmpty ? nil : servers, scopes: scopes, conditions: conditions)
    }
}

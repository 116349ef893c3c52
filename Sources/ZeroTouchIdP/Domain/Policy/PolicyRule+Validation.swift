import ZeroTouchCore

extension PolicyRule {
    /// The longest maximum authentication age a condition may ask for: 30 days.
    public static let maximumConditionAge = 30 * 24 * 3600

    /// Checks the rule's shape and that everything it names exists.
    /// - Throws: `IdPAdminError.invalidInput`, or `.notFound` for a user, group, client or server it names.
    func validate(in snapshot: IdPSnapshot) throws(IdPAdminError) {
        try AdminValidation.identifier(id.rawValue, field: "id")
        try AdminValidation.name(name, field: "name")
        try validateSubjects(in: snapshot)
        if let clients {
            guard !clients.isEmpty else { throw .invalidInput(field: "clients", message: "must list a client, or be omitted for any client") }
            try AdminValidation.list(clients, field: "clients")
            for client in clients where snapshot.client(client) == nil { throw .notFound(.client, id: client.rawValue) }
        }
        if let servers {
            guard !servers.isEmpty else { throw .invalidInput(field: "servers", message: "must list a server, or be omitted for any server") }
            try AdminValidation.list(servers, field: "servers")
            for server in servers where snapshot.server(server) == nil { throw .notFound(.server, id: server.rawValue) }
        }
        if let scopes {
            guard !scopes.isEmpty, scopes.tokens.count <= MCPServer.maximumScopeCount else {
                throw .invalidInput(field: "scopes", message: "must list 1 to \(MCPServer.maximumScopeCount) scopes, or be omitted for all scopes")
            }
            for token in scopes.tokens { try AdminValidation.scopeToken(token, field: "scopes") }
        }
        try validateConditions()
    }

    private func validateSubjects(in snapshot: IdPSnapshot) throws(IdPAdminError) {
        let listsSome = !subjects.users.isEmpty || !subjects.groups.isEmpty
        guard subjects.everyone != listsSome else {
            throw .invalidInput(field: "subjects", message: "must be everyone, or list users and groups, not both")
        }
        try AdminValidation.list(subjects.users, field: "subjects.users")
        try AdminValidation.list(subjects.groups, field: "subjects.groups")
        for user in subjects.users where snapshot.user(user) == nil { throw .notFound(.user, id: user.rawValue) }
        for group in subjects.groups where snapshot.group(group) == nil { throw .notFound(.group, id: group.rawValue) }
    }

    /// Conditions belong to allow rules only: a failed condition makes an allow rule not match, which
    /// has no unambiguous meaning for a deny rule.
    private func validateConditions() throws(IdPAdminError) {
        switch effect {
        case .deny:
            guard conditions.isEmpty else { throw .invalidInput(field: "conditions", message: "only allow rules may have conditions") }
        case .allow:
            if let age = conditions.maximumAuthenticationAge, !(0...Self.maximumConditionAge).contains(age) {
                throw .invalidInput(field: "conditions.maximumAuthenticationAge", message: "must be 0 to \(Self.maximumConditionAge) seconds")
            }
        }
    }
}

import ArgumentParser
import ZeroTouchCore
import ZeroTouchIdP

/// `zerotouch admin resources …`: the catalog of MCP servers (issue 3, item 4).
struct IdPResourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resources", abstract: "Manage the catalog of MCP servers (protected resources).",
        subcommands: [List.self, Create.self, Update.self, Delete.self])

    /// A catalog entry given by id or resource identifier.
    static func resolve(_ reference: String, in registry: IdPRegistry) throws -> MCPServer {
        let snapshot = registry.snapshot
        guard let server = snapshot.server(MCPServerID(reference)) ?? snapshot.server(resource: ResourceIdentifier(reference)) else {
            throw IdPAdminError.notFound(.server, id: String(reference.prefix(100)))
        }
        return server
    }

    /// The fields of an entry, shared by `create` and `update` (which replaces the whole entry).
    struct Fields: ParsableArguments {
        @Option(help: "The display name.") var name: String
        @Option(help: "What the server offers.") var description: String = ""
        @Option(help: "The RFC 9728 resource identifier (the PRM 'resource').") var resource: String
        @Option(name: .customLong("authorization-server"), help: "The issuer of its authorization server: the only accepted audience.")
        var authorizationServer: String
        @Option(name: .customLong("scope"), help: ArgumentHelp("A scope it defines, NAME or NAME=DESCRIPTION (repeatable).", valueName: "scope"))
        var scopes: [String] = []
        @Option(help: "The ID-JAG lifetime in seconds (1…600).") var lifetime: Int = MCPServer.defaultIDJAGLifetime
        @Flag(name: .customLong("include-email"), help: "Put the user's e-mail into its ID-JAGs.") var includesEmail = false

        func draft(id: MCPServerID?) -> ServerDraft {
            let definitions = scopes.map { entry in
                let parts = entry.split(separator: "=", maxSplits: 1)
                return ScopeDefinition(String(parts.first ?? ""), description: parts.count > 1 ? String(parts[1]) : "")
            }
            return ServerDraft(
                id: id, name: name, description: description, resource: ResourceIdentifier(resource), authorizationServer: Issuer(authorizationServer),
                scopes: definitions, idJAGLifetime: lifetime, includesEmail: includesEmail)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the catalog.")
        @OptionGroup var store: IdPStoreOptions
        func run() async throws { try await store.withRegistry { _, _, registry in try CommandOutput.json(registry.snapshot.servers) } }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an MCP server to the catalog.")
        @OptionGroup var store: IdPStoreOptions
        @Option(help: "The catalog id (default: generated).") var id: String?
        @OptionGroup var fields: Fields
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try CommandOutput.json(try await registry.createServer(fields.draft(id: id.map(MCPServerID.init)).server(), by: store.auditActor))
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a catalog entry.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The entry's id or resource identifier.") var server: String
        @OptionGroup var fields: Fields
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                let id = try IdPResourcesCommand.resolve(server, in: registry).id
                try CommandOutput.json(try await registry.updateServer(fields.draft(id: id).server(), by: store.auditActor))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an MCP server (refused while a policy rule names it).")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The entry's id or resource identifier.") var server: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.deleteServer(try IdPResourcesCommand.resolve(server, in: registry).id, by: store.auditActor)
                CommandOutput.line("deleted \(server)")
            }
        }
    }
}

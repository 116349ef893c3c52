import ArgumentParser
import Foundation
import ZeroTouchCore
import ZeroTouchIdP

/// `zerotouch admin clients …`: the MCP hosts registered at the IdP (issue 3, item 3).
struct IdPClientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients", abstract: "Register and change clients (MCP hosts).",
        subcommands: [List.self, Show.self, Create.self, Update.self, RotateSecret.self, Delete.self])

    /// The fields of a registration, shared by `create` and `update` (which replaces the whole registration).
    struct Fields: ParsableArguments {
        @Option(help: "The display name.") var name: String
        @Option(help: "client_secret_basic, client_secret_post, private_key_jwt or none (public: sign-in only, no token exchange).")
        var method: String = ClientAuthenticationMethod.clientSecretBasic.rawValue
        @Option(help: "web (exact redirect URIs) or native (loopback redirects on any port, RFC 8252).") var type: String = "web"
        @Option(name: .customLong("redirect-uri"), help: "A redirect URI of the sign-in flow (repeatable).") var redirectURIs: [String] = []
        @Option(
            name: .customLong("server-client"),
            help: ArgumentHelp("The client's client_id at an MCP server's authorization server, as SERVER=CLIENT_ID (repeatable).", valueName: "mapping"))
        var serverClients: [String] = []
        @Option(name: .customLong("jwks-uri"), help: "For private_key_jwt: the client's JWKS URL.") var jwksURI: String?
        @Option(name: .customLong("jwks-file"), help: "For private_key_jwt: a file holding the client's JWK Set.") var jwksFile: String?
        @Flag(help: "Register the client disabled.") var disabled = false

        func draft(id: String, in registry: IdPRegistry) throws -> ClientDraft {
            guard let method = ClientAuthenticationMethod(rawValue: method) else { throw CommandArgumentError("unknown method '\(method)'") }
            guard let type = ClientApplicationType(rawValue: type) else { throw CommandArgumentError("--type must be web or native") }
            var mapping: [MCPServerID: ClientID] = [:]
            for entry in serverClients {
                guard let equals = entry.lastIndex(of: "=") else { throw CommandArgumentError("--server-client must be SERVER=CLIENT_ID") }
                mapping[try IdPResourcesCommand.resolve(String(entry[..<equals]), in: registry).id] = ClientID(String(entry[entry.index(after: equals)...]))
            }
            let jwks = try jwksFile.map { try String(contentsOfFile: $0, encoding: .utf8) }
            return ClientDraft(
                id: ClientID(id), name: name, method: method, applicationType: type, redirectURIs: redirectURIs, serverClientIDs: mapping, jwks: jwks,
                jwksURI: jwksURI, disabled: disabled)
        }
    }

    static func show(_ registered: RegisteredClientWithSecret) throws {
        try CommandOutput.json(registered.client)
        if let secret = registered.clientSecret { CommandOutput.line("client_secret (shown once): \(secret)") }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients (never their secret hashes).")
        @OptionGroup var store: IdPStoreOptions
        func run() async throws { try await store.withRegistry { _, _, registry in try CommandOutput.json(registry.snapshot.clients.map(ClientView.init)) } }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one client.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The client_id.") var id: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                guard let client = registry.snapshot.client(ClientID(id)) else { throw IdPAdminError.notFound(.client, id: id) }
                try CommandOutput.json(ClientView(client))
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a client; a secret is generated and shown once.")
        @OptionGroup var store: IdPStoreOptions
        @Option(help: "The client_id.") var id: String
        @OptionGroup var fields: Fields
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try IdPClientsCommand.show(try await registry.register(try fields.draft(id: id, in: registry), by: store.auditActor))
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a client's registration; its secret is kept.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The client_id.") var id: String
        @OptionGroup var fields: Fields
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try IdPClientsCommand.show(try await registry.update(try fields.draft(id: id, in: registry), by: store.auditActor))
            }
        }
    }

    struct RotateSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rotate-secret", abstract: "Give a client a new secret (shown once).")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The client_id.") var id: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try IdPClientsCommand.show(try await registry.rotateSecret(of: ClientID(id), by: store.auditActor))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a client (refused while a policy rule names it).")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The client_id.") var id: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.deleteClient(ClientID(id), by: store.auditActor)
                CommandOutput.line("deleted \(id)")
            }
        }
    }
}

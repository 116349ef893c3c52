import ArgumentParser
import ZeroTouchCore
import ZeroTouchIdP

/// `zerotouch admin policies …`: the rules that decide token exchanges (issue 3, item 5).
struct IdPPoliciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies", abstract: "Manage policy rules (default deny; deny wins).",
        subcommands: [List.self, Create.self, Update.self, Delete.self])

    /// The fields of a rule, shared by `create` and `update` (which replaces the whole rule).
    struct Fields: ParsableArguments {
        @Option(help: "What the rule is for.") var name: String
        @Option(help: "allow or deny.") var effect: String
        @Flag(help: "Apply to every user.") var everyone = false
        @Option(name: .customLong("user"), help: "A user id or username (repeatable).") var users: [String] = []
        @Option(name: .customLong("group"), help: "A group id or name (repeatable).") var groups: [String] = []
        @Option(name: .customLong("client"), help: "A client_id (repeatable; default: any client).") var clients: [String] = []
        @Option(name: .customLong("server"), help: "An MCP server id or resource (repeatable; default: any server).") var servers: [String] = []
        @Option(name: .customLong("scope"), help: "A scope (repeatable; default: every scope of the server).") var scopes: [String] = []
        @Flag(name: .customLong("require-otp"), help: "Allow only sign-ins with a second factor.") var requiresSecondFactor = false
        @Option(name: .customLong("max-age"), help: "Allow only sign-ins at most this many seconds old.") var maximumAge: Int?

        func draft(id: PolicyRuleID?, in registry: IdPRegistry) throws -> RuleDraft {
            guard let effect = PolicyEffect(rawValue: effect) else { throw CommandArgumentError("--effect must be allow or deny") }
            let subjects = everyone
                ? PolicySubjects.everyone
                : PolicySubjects(
                    users: try users.map { try IdPUsersCommand.resolve($0, in: registry).id },
                    groups: try groups.map { try IdPGroupsCommand.resolve($0, in: registry).id })
            return RuleDraft(
                id: id, name: name, effect: effect, subjects: subjects, clients: clients.isEmpty ? nil : clients.map(ClientID.init),
                servers: servers.isEmpty ? nil : try servers.map { try IdPResourcesCommand.resolve($0, in: registry).id },
                scopes: scopes.isEmpty ? nil : Scope(scopes),
                conditions: PolicyConditions(requiresSecondFactor: requiresSecondFactor, maximumAuthenticationAge: maximumAge))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List policy rules.")
        @OptionGroup var store: IdPStoreOptions
        func run() async throws { try await store.withRegistry { _, _, registry in try CommandOutput.json(registry.snapshot.rules) } }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a policy rule.")
        @OptionGroup var store: IdPStoreOptions
        @Option(help: "The rule id (default: generated).") var id: String?
        @OptionGroup var fields: Fields
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try CommandOutput.json(try await registry.createRule(try fields.draft(id: id.map(PolicyRuleID.init), in: registry).rule(), by: store.auditActor))
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a policy rule.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The rule id.") var id: String
        @OptionGroup var fields: Fields
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try CommandOutput.json(try await registry.updateRule(try fields.draft(id: PolicyRuleID(id), in: registry).rule(), by: store.auditActor))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a policy rule.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The rule id.") var id: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.deleteRule(PolicyRuleID(id), by: store.auditActor)
                CommandOutput.line("deleted \(id)")
            }
        }
    }
}

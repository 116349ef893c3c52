import ArgumentParser
import Foundation
import ZeroTouchAS

/// `zerotouch as admin-token create|list|remove`: bearer tokens for the admin API, stored hashed.
struct ASAdminTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin-token", abstract: "Manage admin API tokens.", subcommands: [Create.self, List.self, Remove.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token; it is printed once, only its hash is stored.")
        @OptionGroup var options: ASStoreOptions
        @Option(help: "Who holds the token (recorded as the actor of their changes).") var name: String

        func run() async throws {
            let token = try await options.withRegistry { registry, _ in try await registry.createAdminToken(name: name, actor: options.auditActor) }
            CommandOutput.line(token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List token ids and names.")
        @OptionGroup var options: ASStoreOptions

        func run() async throws {
            let tokens = try await options.withRegistry { registry, _ in registry.snapshot.adminTokens.values.sorted { $0.id < $1.id } }
            for token in tokens { CommandOutput.line("\(token.id) \(token.name) \(token.createdAt.ISO8601Format())") }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a token.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The token id (adm-…).") var id: String

        func run() async throws {
            try await options.withRegistry { registry, _ in try await registry.removeAdminToken(id: id, actor: options.auditActor) }
            CommandOutput.line("removed \(id)")
        }
    }
}

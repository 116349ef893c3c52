import ArgumentParser
import Foundation
import ZeroTouchAS
import ZeroTouchCore

/// `zerotouch as resource add|list|remove`: the MCP servers tokens are issued for (RFC 8707).
struct ASResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource", abstract: "Manage protected resources (MCP servers).", subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a resource, or replace its settings.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The resource identifier (the MCP server's canonical URI).") var resource: String
        @Option(name: .customLong("scope"), help: "A registered scope; repeat for several.") var scopes: [String] = []
        @Option(name: .customLong("token-lifetime"), help: "Access-token lifetime in seconds (default 300).") var tokenLifetime = 300
        @Flag(name: .customLong("require-resource-claim"), help: "Refuse ID-JAGs that do not name this resource (decisions X-3).")
        var requireResourceClaim = false

        func run() async throws {
            let scope = try Scope(parsing: scopes.joined(separator: " "))
            let registration = ProtectedResource(
                identifier: ResourceIdentifier(resource), scopes: scope, accessTokenLifetime: TimeInterval(tokenLifetime),
                requiresResourceClaim: requireResourceClaim)
            try await options.withRegistry { registry, _ in try await registry.putResource(registration, actor: options.auditActor) }
            CommandOutput.line("registered \(resource)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List resources as JSON.")
        @OptionGroup var options: ASStoreOptions

        func run() async throws {
            try CommandOutput.json(try await options.withRegistry { registry, _ in
                registry.snapshot.resources.values.sorted { $0.identifier < $1.identifier }
            })
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a resource no client may use any more.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The resource identifier.") var resource: String

        func run() async throws {
            try await options.withRegistry { registry, _ in
                try await registry.removeResource(ResourceIdentifier(resource), actor: options.auditActor)
            }
            CommandOutput.line("removed \(resource)")
        }
    }
}

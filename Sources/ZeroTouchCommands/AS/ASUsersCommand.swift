import ArgumentParser
import ZeroTouchAS
import ZeroTouchCore

/// `zerotouch as users …`: local accounts and the IdP subjects linked to them (ID-JAG §3.1).
struct ASUsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage local users and their IdP links.",
        subcommands: [Create.self, Link.self, Unlink.self, Disable.self, Enable.self, List.self, Remove.self])

    /// An IdP subject given on the command line.
    struct IdentityOptions: ParsableArguments {
        @Option(help: "The IdP's issuer.") var issuer: String?
        @Option(help: "The IdP tenant, for multi-tenant IdPs.") var tenant: String?
        @Option(help: "The subject (sub) at the IdP.") var sub: String?

        var identity: LinkedIdentity? {
            guard let issuer, let sub else { return nil }
            return LinkedIdentity(issuer: Issuer(issuer), tenant: tenant, subject: Subject(sub))
        }

        func required() throws -> LinkedIdentity {
            guard let identity else { throw CommandArgumentError("--issuer and --sub are required") }
            return identity
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user, optionally linked to an IdP subject.")
        @OptionGroup var options: ASStoreOptions
        @Option(help: "The local id, the sub of its access tokens (default: random).") var id: String?
        @OptionGroup var link: IdentityOptions

        func run() async throws {
            let user = try await options.withRegistry { registry, _ in
                try await registry.createUser(id: id.map(LocalUserID.init), identities: link.identity.map { [$0] } ?? [], actor: options.auditActor)
            }
            CommandOutput.line("created \(user.id)")
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Link an IdP subject to a user.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The local id.") var id: String
        @OptionGroup var link: IdentityOptions

        func run() async throws {
            let identity = try link.required()
            try await options.withRegistry { registry, _ in
                try await registry.linkIdentity(identity, to: LocalUserID(id), actor: options.auditActor)
            }
            CommandOutput.line("linked \(identity) to \(id)")
        }
    }

    struct Unlink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unlink an IdP subject from a user.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The local id.") var id: String
        @OptionGroup var link: IdentityOptions

        func run() async throws {
            let identity = try link.required()
            try await options.withRegistry { registry, _ in
                try await registry.unlinkIdentity(identity, from: LocalUserID(id), actor: options.auditActor)
            }
            CommandOutput.line("unlinked \(identity) from \(id)")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: no new tokens, their tokens become inactive.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The local id.") var id: String

        func run() async throws {
            try await options.withRegistry { registry, _ in try await registry.setUserDisabled(LocalUserID(id), true, actor: options.auditActor) }
            CommandOutput.line("disabled \(id)")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The local id.") var id: String

        func run() async throws {
            try await options.withRegistry { registry, _ in try await registry.setUserDisabled(LocalUserID(id), false, actor: options.auditActor) }
            CommandOutput.line("enabled \(id)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users as JSON.")
        @OptionGroup var options: ASStoreOptions

        func run() async throws {
            try CommandOutput.json(try await options.withRegistry { registry, _ in registry.snapshot.users.values.sorted { $0.id < $1.id } })
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a user and free their IdP subjects.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The local id.") var id: String

        func run() async throws {
            try await options.withRegistry { registry, _ in try await registry.removeUser(LocalUserID(id), actor: options.auditActor) }
            CommandOutput.line("removed \(id)")
        }
    }
}

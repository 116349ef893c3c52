import ArgumentParser
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchOAuth

/// `zerotouch admin users …`: the directory's people.
struct IdPUsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "List, create and change users.",
        subcommands: [List.self, Create.self, Update.self, Suspend.self, Reactivate.self, ResetPassword.self, EnrollTOTP.self, RemoveTOTP.self, Delete.self])

    /// A user given by id or username.
    static func resolve(_ reference: String, in registry: IdPRegistry) throws -> User {
        let snapshot = registry.snapshot
        guard let user = snapshot.user(UserID(reference)) ?? snapshot.user(username: reference) else {
            throw IdPAdminError.notFound(.user, id: String(reference.prefix(100)))
        }
        return user
    }

    /// The new password: from the environment variable named by `--password-env`, or generated and printed once.
    struct PasswordOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("Read the password from this environment variable (default: generate one and print it once).", valueName: "name"))
        var passwordEnv: String?

        func password() throws -> (value: String, generated: Bool) {
            guard let name = passwordEnv else { return (ClientSecret.generate(), true) }
            guard let value = CommandIO.current.environment[name], !value.isEmpty else { throw CommandArgumentError("$\(name) is not set") }
            return (value, false)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users (never their password hashes or TOTP secrets).")
        @OptionGroup var store: IdPStoreOptions
        func run() async throws {
            try await store.withRegistry { _, _, registry in try CommandOutput.json(registry.snapshot.users.map(\.profile)) }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an active user.")
        @OptionGroup var store: IdPStoreOptions
        @Option(help: "The sign-in name (A-Z a-z 0-9 . _ @ + -).") var username: String
        @Option(help: "The display name.") var displayName: String
        @Option(help: "The e-mail address.") var email: String?
        @OptionGroup var password: PasswordOptions
        func run() async throws {
            let (password, generated) = try password.password()
            try await store.withRegistry { _, _, registry in
                let user = try await registry.createUser(
                    UserDetails(username: username, email: email, displayName: displayName), password: password, by: store.auditActor)
                try CommandOutput.json(user.profile)
                if generated { CommandOutput.line("password (shown once): \(password)") }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a user's username, display name and e-mail.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The user's id or username.") var user: String
        @Option(help: "The sign-in name.") var username: String
        @Option(help: "The display name.") var displayName: String
        @Option(help: "The e-mail address.") var email: String?
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                let id = try IdPUsersCommand.resolve(user, in: registry).id
                try CommandOutput.json(
                    try await registry.updateUser(id, to: UserDetails(username: username, email: email, displayName: displayName), by: store.auditActor).profile)
            }
        }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend a user: sign-in and every token exchange fail at once.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The user's id or username.") var user: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.suspendUser(try IdPUsersCommand.resolve(user, in: registry).id, by: store.auditActor)
                CommandOutput.line("suspended \(user)")
            }
        }
    }

    struct Reactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a suspended user sign in again.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The user's id or username.") var user: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.reactivateUser(try IdPUsersCommand.resolve(user, in: registry).id, by: store.auditActor)
                CommandOutput.line("reactivated \(user)")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Replace a user's password.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The user's id or username.") var user: String
        @OptionGroup var password: PasswordOptions
        func run() async throws {
            let (password, generated) = try password.password()
            try await store.withRegistry { _, _, registry in
                try await registry.resetPassword(of: try IdPUsersCommand.resolve(user, in: registry).id, to: password, by: store.auditActor)
                CommandOutput.line(generated ? "password (shown once): \(password)" : "password reset for \(user)")
            }
        }
    }

    struct EnrollTOTP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enroll-totp", abstract: "Give a user a new TOTP second factor (shown once).")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The user's id or username.") var user: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                let enrollment = try await registry.enrollSecondFactor(for: try IdPUsersCommand.resolve(user, in: registry).id, by: store.auditActor)
                CommandOutput.line("secret (shown once): \(enrollment.secret)")
                CommandOutput.line("provisioning URI: \(enrollment.provisioningURI)")
            }
        }
    }

    struct RemoveTOTP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-totp", abstract: "Remove a user's TOTP second factor.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The user's id or username.") var user: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.removeSecondFactor(for: try IdPUsersCommand.resolve(user, in: registry).id, by: store.auditActor)
                CommandOutput.line("removed the second factor of \(user)")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a user (refused while a policy rule names them).")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The user's id or username.") var user: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.deleteUser(try IdPUsersCommand.resolve(user, in: registry).id, by: store.auditActor)
                CommandOutput.line("deleted \(user)")
            }
        }
    }
}

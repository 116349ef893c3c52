import ArgumentParser
import ZeroTouchCore
import ZeroTouchIdP

/// `zerotouch admin groups …`: named sets of users that policy rules target.
struct IdPGroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups", abstract: "List, create and change groups and their members.",
        subcommands: [List.self, Create.self, Update.self, Delete.self, Members.self, AddMember.self, RemoveMember.self])

    /// A group given by id or name.
    static func resolve(_ reference: String, in registry: IdPRegistry) throws -> Group {
        let snapshot = registry.snapshot
        guard let group = snapshot.group(GroupID(reference)) ?? snapshot.group(named: reference) else {
            throw IdPAdminError.notFound(.group, id: String(reference.prefix(100)))
        }
        return group
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List groups.")
        @OptionGroup var store: IdPStoreOptions
        func run() async throws { try await store.withRegistry { _, _, registry in try CommandOutput.json(registry.snapshot.groups) } }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a group.")
        @OptionGroup var store: IdPStoreOptions
        @Option(help: "The group's name, unique without regard to case.") var name: String
        @Option(help: "What the group is for.") var description: String = ""
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try CommandOutput.json(try await registry.createGroup(name: name, description: description, by: store.auditActor))
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a group or change its description.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The group's id or name.") var group: String
        @Option(help: "The new name.") var name: String
        @Option(help: "The new description.") var description: String = ""
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                let id = try IdPGroupsCommand.resolve(group, in: registry).id
                try CommandOutput.json(try await registry.updateGroup(id, name: name, description: description, by: store.auditActor))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a group and its memberships.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The group's id or name.") var group: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.deleteGroup(try IdPGroupsCommand.resolve(group, in: registry).id, by: store.auditActor)
                CommandOutput.line("deleted \(group)")
            }
        }
    }

    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a group's members.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The group's id or name.") var group: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                let snapshot = registry.snapshot
                let id = try IdPGroupsCommand.resolve(group, in: registry).id
                try CommandOutput.json(snapshot.memberIDs(of: id).compactMap { snapshot.user($0)?.profile })
            }
        }
    }

    struct AddMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-member", abstract: "Add a user to a group.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The group's id or name.") var group: String
        @Argument(help: "The user's id or username.") var user: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.addMember(
                    try IdPUsersCommand.resolve(user, in: registry).id, to: try IdPGroupsCommand.resolve(group, in: registry).id, by: store.auditActor)
                CommandOutput.line("added \(user) to \(group)")
            }
        }
    }

    struct RemoveMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-member", abstract: "Remove a user from a group.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The group's id or name.") var group: String
        @Argument(help: "The user's id or username.") var user: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.removeMember(
                    try IdPUsersCommand.resolve(user, in: registry).id, from: try IdPGroupsCommand.resolve(group, in: registry).id, by: store.auditActor)
                CommandOutput.line("removed \(user) from \(group)")
            }
        }
    }
}

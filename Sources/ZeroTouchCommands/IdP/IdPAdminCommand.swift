import ArgumentParser

/// `zerotouch admin`: administration of the enterprise IdP (issue 3, item 9).
struct IdPAdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Administer the identity provider: directory, clients, MCP servers, policy, audit, admin tokens.",
        discussion: """
            Works directly on the configured database (storage.url, or SQLite in data.directory); a running \
            IdP picks up changes within idp.reload_interval. Every change is validated and recorded in the \
            audit trail with --actor (default cli:$USER). Secrets (client secrets, TOTP secrets, admin tokens, \
            generated passwords) are printed once and never stored.
            """,
        subcommands: [
            IdPUsersCommand.self, IdPGroupsCommand.self, IdPClientsCommand.self, IdPResourcesCommand.self, IdPPoliciesCommand.self,
            IdPExplainCommand.self, IdPAuditCommand.self, IdPAdminTokensCommand.self,
        ]
    )
}

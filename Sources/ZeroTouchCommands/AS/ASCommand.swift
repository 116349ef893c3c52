import ArgumentParser

/// `zerotouch as`: the MCP authorization server that redeems ID-JAGs (RFC 7523, ID-JAG §4.4) from
/// trusted IdPs for RFC 9068 access tokens, and its administration.
struct ASCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "as",
        abstract: "Run and administer the MCP authorization server (ID-JAG redemption).",
        discussion: """
            The admin commands work directly on the configured database (storage.url, or SQLite in \
            data.directory); a running server picks up their changes within seconds. Every change \
            is recorded in the audit trail.
            """,
        subcommands: [
            ASServeCommand.self, ASTrustCommand.self, ASClientCommand.self, ASResourceCommand.self, ASUsersCommand.self,
            ASAuditCommand.self, ASAdminTokenCommand.self,
        ]
    )
}

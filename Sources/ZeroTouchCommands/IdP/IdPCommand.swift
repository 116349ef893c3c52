import ArgumentParser

/// `zerotouch idp`: the enterprise identity provider.
struct IdPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idp",
        abstract: "Run the enterprise identity provider (OpenID provider and ID-JAG issuer).",
        discussion: """
            Administer it with 'zerotouch admin …' and rotate its signing key with 'zerotouch keys rotate'. \
            Both work directly on the configured database; a running IdP picks up changes within seconds.
            """,
        subcommands: [IdPServeCommand.self]
    )
}

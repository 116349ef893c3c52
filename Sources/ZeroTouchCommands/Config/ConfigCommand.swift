import ArgumentParser

/// `zerotouch config`: the group of configuration commands.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Inspect and validate ZeroTouch configuration.",
        discussion: """
            Configuration is one YAML file overridden by ZEROTOUCH_* environment variables \
            (key server.port is ZEROTOUCH_SERVER_PORT).
            """,
        subcommands: [ConfigCheckCommand.self]
    )
}

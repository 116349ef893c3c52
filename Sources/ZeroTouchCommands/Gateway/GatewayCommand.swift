import ArgumentParser

/// `zerotouch gateway`: the EMA gateway for existing MCP servers.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Put an existing MCP server behind enterprise-managed authorization.",
        subcommands: [GatewayServeCommand.self]
    )
}

import ArgumentParser

/// `zerotouch mcp`: the demo MCP servers.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Run the demo MCP servers (issues, docs) behind enterprise-managed authorization.",
        subcommands: [MCPServeCommand.self]
    )
}

public import ArgumentParser

/// The `zerotouch` command: the root of the CLI tree.
///
/// Each command group lives in its own folder and is registered with one line in
/// `subcommands` below (later: `IdPCommand`, `ASCommand`, `GatewayCommand`, `LoginCommand`,
/// `DemoCommand`). Commands write through `CommandIO.current`, so tests capture their output.
public struct ZeroTouchCommand: AsyncParsableCommand {
    /// The name, help text, version and command groups of `zerotouch`.
    public static let configuration = CommandConfiguration(
        commandName: "zerotouch",
        abstract: "Enterprise-managed authorization (ID-JAG) for MCP: identity provider, authorization server, gateway.",
        discussion: """
            ZeroTouch lets an enterprise identity provider decide which MCP servers an employee's \
            client may use, without a consent screen: the IdP issues an Identity Assertion JWT \
            Authorization Grant (ID-JAG) by token exchange (RFC 8693), and the MCP authorization \
            server redeems it for an access token (RFC 7523).

            Every role reads one YAML file (--config, or $ZEROTOUCH_CONFIG) overridden by \
            environment variables: key server.port is ZEROTOUCH_SERVER_PORT. Run \
            'zerotouch config check' to see the effective configuration with secrets redacted.
            """,
        version: ZeroTouchVersion.current,
        subcommands: [
            VersionCommand.self,
            ConfigCommand.self,
            ASCommand.self,
            MCPCommand.self, GatewayCommand.self,
            IdPCommand.self, IdPAdminCommand.self, IdPKeysCommand.self,
            DevCommand.self, DemoCommand.self,
            LoginCommand.self, LogoutCommand.self, WhoAmICommand.self, ServersCommand.self, ToolsCommand.self, CallCommand.self,
        ]
    )

    /// Creates the root command (ArgumentParser calls this when parsing).
    public init() {}
}

extension ZeroTouchCommand {
    /// The executable's entry point: parses the process arguments and runs the chosen command.
    ///
    /// Top-level code in `main.swift` resolves `ZeroTouchCommand.main()` to ArgumentParser's
    /// synchronous overload, which refuses an async root; this calls the async one.
    public static func runAsRoot() async {
        let asyncMain: ([String]?) async -> Void = Self.main
        await asyncMain(nil)
    }
}

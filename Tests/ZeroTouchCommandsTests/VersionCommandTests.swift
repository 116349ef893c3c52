import ArgumentParser
import Foundation
import Testing
import ZeroTouchCommands

@Suite("zerotouch version and the command tree")
struct VersionCommandTests {
    @Test("version prints the name and version")
    func versionText() async throws {
        let outcome = try await CommandHarness().run(["version"])
        #expect(outcome.output == "zerotouch \(ZeroTouchVersion.current)")
        #expect(outcome.exitCode == 0)
    }

    @Test("version --json prints a JSON object")
    func versionJSON() async throws {
        let outcome = try await CommandHarness().run(["version", "--json"])
        let object = try JSONDecoder().decode([String: String].self, from: Data(outcome.output.utf8))
        #expect(object == ["name": "zerotouch", "version": ZeroTouchVersion.current])
    }

    @Test("the root lists its command groups and explains configuration")
    func rootHelp() {
        let help = ZeroTouchCommand.helpMessage()
        #expect(help.contains("version"))
        #expect(help.contains("config"))
        #expect(help.contains("ZEROTOUCH_SERVER_PORT"))
        #expect(ZeroTouchCommand.configuration.commandName == "zerotouch")
    }

    @Test("every subcommand has an abstract and --help", arguments: [["version"], ["config"], ["config", "check"]])
    func subcommandHelp(_ path: [String]) throws {
        let parsed = try ZeroTouchCommand.parseAsRoot(path + ["--help"])
        #expect(String(describing: type(of: parsed)) == "HelpCommand")
        let help = ZeroTouchCommand.helpMessage(for: try #require(Self.command(at: path)))
        #expect(help.contains("USAGE: zerotouch \(path.joined(separator: " "))"))
        #expect(!(try #require(Self.command(at: path))).configuration.abstract.isEmpty)
    }

    @Test("an unknown subcommand is a usage error")
    func unknownSubcommand() {
        #expect(throws: (any Error).self) { try ZeroTouchCommand.parseAsRoot(["serve-everything"]) }
    }

    /// The command type reached by `path`.
    static func command(at path: [String]) -> (any ParsableCommand.Type)? {
        var current: any ParsableCommand.Type = ZeroTouchCommand.self
        for name in path {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
            current = next
        }
        return current
    }
}

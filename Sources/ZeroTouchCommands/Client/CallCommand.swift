import ArgumentParser
import Foundation
import MCP
import ZeroTouchClient
import ZeroTouchCore

/// `zerotouch call SERVER TOOL --args JSON`: calls one tool.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call a tool on one of your MCP servers.",
        discussion: """
            SERVER is a name from `zerotouch servers`, or an MCP server URL. --args is a JSON object \
            of the tool's arguments. Text content is printed as is; --json prints \
            {"content":[…],"is_error":…}. A tool that reports an error exits with status 2.
            """
    )

    @OptionGroup var options: ClientOptions
    @OptionGroup var identity: ScriptIdentityOptions

    @Argument(help: "A server name or URL.")
    var server: String

    @Argument(help: "The tool's name.")
    var tool: String

    @Option(name: .long, help: "The arguments as a JSON object, e.g. '{\"title\":\"Hello\"}'.")
    var args: String = "{}"

    func run() async throws {
        try await ClientOutput.run(json: options.json) {
            let arguments = try Self.arguments(args)
            var environment = try ClientEnvironment(options: options)
            environment.idTokenFile = identity.idTokenFile
            let connection = try await environment.connect(to: server)
            let result: (content: [Tool.Content], isError: Bool)
            do {
                result = try await connection.callTool(tool, arguments: arguments)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
            if options.json {
                CommandIO.current.writeOutput(ClientOutput.encode(["content": ClientOutput.jsonObject(result.content), "is_error": result.isError]))
            } else {
                CommandIO.current.writeOutput(result.content.map(Self.text).joined(separator: "\n"))
            }
            if result.isError { throw ExitCode(2) }
        }
    }

    /// Parses `--args`.
    /// - Throws: `ZeroTouchClientError.configurationInvalid` unless it is a JSON object.
    static func arguments(_ json: String) throws(ZeroTouchClientError) -> [String: Value] {
        guard let data = json.data(using: .utf8), let value = try? JSONDecoder().decode([String: Value].self, from: data) else {
            throw ZeroTouchClientError(.configurationInvalid, "--args must be a JSON object", nextStep: #"Pass e.g. --args '{"title":"Hello"}'"#)
        }
        return value
    }

    static func text(_ content: Tool.Content) -> String {
        switch content {
        case .text(let text, _, _): text
        case .image(_, let mimeType, _, _): "[image \(mimeType)]"
        case .audio(_, let mimeType, _, _): "[audio \(mimeType)]"
        case .resource(let resource, _, _): "[resource \(resource.uri)]"
        case .resourceLink(let uri, let name, _, _, _, _): "[link \(name): \(uri)]"
        }
    }
}

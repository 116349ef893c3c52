import ArgumentParser
import Foundation
import MCP
import ZeroTouchClient
import ZeroTouchCore

/// `zerotouch tools [SERVER]`: the tools of one server, or of every server you may use.
struct ToolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools",
        abstract: "List the tools of a server, or of all your servers.",
        discussion: "SERVER is a name from `zerotouch servers`, or an MCP server URL. With --json, each tool's name, description and input schema."
    )

    @OptionGroup var options: ClientOptions
    @OptionGroup var identity: ScriptIdentityOptions

    @Argument(help: "A server name or URL; all servers when omitted.")
    var server: String?

    func run() async throws {
        try await ClientOutput.run(json: options.json) {
            var environment = try ClientEnvironment(options: options)
            environment.idTokenFile = identity.idTokenFile
            var listing: [(server: String, tools: [Tool])] = []
            if let server {
                let connection = try await environment.connect(to: server)
                do {
                    listing.append((server, try await connection.listTools()))
                } catch {
                    await connection.close()
                    throw error
                }
                await connection.close()
            } else {
                for report in try await environment.connectAll() {
                    await report.connection?.close()
                    if case .connected(let tools) = report.status {
                        listing.append((report.entry.name, tools))
                    } else {
                        CommandIO.current.writeError("skipped: " + ServersCommand.line(report))
                    }
                }
            }
            CommandIO.current.writeOutput(options.json ? Self.json(listing) : Self.text(listing))
        }
    }

    static func text(_ listing: [(server: String, tools: [Tool])]) -> String {
        listing.map { entry in
            ([entry.server + ":"] + entry.tools.map { "  \($0.name)" + ($0.description.map { " — \($0)" } ?? "") }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func json(_ listing: [(server: String, tools: [Tool])]) -> String {
        let servers: [[String: Any]] = listing.map { entry in
            ["server": entry.server, "tools": entry.tools.map { tool in
                var object: [String: Any] = ["name": tool.name, "input_schema": ClientOutput.jsonObject(tool.inputSchema)]
                if let description = tool.description { object["description"] = description }
                return object
            }]
        }
        return ClientOutput.encode(["servers": servers])
    }
}

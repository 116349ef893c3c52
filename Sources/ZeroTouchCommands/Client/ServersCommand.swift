import ArgumentParser
import Foundation
import MCP
import ZeroTouchClient
import ZeroTouchCore

/// `zerotouch servers`: every MCP server the organization lets the user reach, each connected.
struct ServersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "servers",
        abstract: "Connect to every MCP server you may use and show each one's status.",
        discussion: """
            Reads your catalog from the IdP, then connects to all servers at once: discovery, token \
            exchange at the IdP, jwt-bearer grant at each server's authorization server, MCP \
            initialize. Each server is connected (with its tool count), denied by your \
            organization's policy (with the reason and audit reference), or unreachable.
            """
    )

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await ClientOutput.run(json: options.json) {
            let reports = try await ClientEnvironment(options: options).connectAll()
            for report in reports { await report.connection?.close() }
            if options.json {
                CommandIO.current.writeOutput(ClientOutput.encode(["servers": reports.map(Self.object)]))
            } else if reports.isEmpty {
                CommandIO.current.writeOutput("Your organization lists no MCP servers for you.")
            } else {
                CommandIO.current.writeOutput(reports.map(Self.line).joined(separator: "\n"))
            }
        }
    }

    static func line(_ report: ServerReport) -> String {
        let name = report.entry.name.padding(toLength: max(16, report.entry.name.count + 2), withPad: " ", startingAt: 0)
        switch report.status {
        case .connected(let tools): return "\(name)connected    \(tools.count) tool\(tools.count == 1 ? "" : "s")  \(report.entry.endpoint)"
        case .denied(let denial): return "\(name)denied       \(denial)"
        case .unreachable(let error): return "\(name)unreachable  \(error.code): \(error.reason)" + (error.nextStep.map { ". \($0)" } ?? "")
        }
    }

    static func object(_ report: ServerReport) -> [String: Any] {
        var object: [String: Any] = [
            "name": report.entry.name, "resource": report.entry.resource.rawValue, "url": report.entry.endpoint, "status": report.status.name,
        ]
        switch report.status {
        case .connected(let tools): object["tools"] = tools.map(\.name)
        case .denied(let denial):
            object["reason"] = denial.reason
            if let reference = denial.auditReference { object["audit_reference"] = reference }
        case .unreachable(let error):
            object["error"] = error.code.description
            object["reason"] = error.reason
        }
        return object
    }
}

import ArgumentParser
import Foundation
import ZeroTouchDemoServers
import ZeroTouchServer

/// What `zerotouch config check` computes, without any printing.
enum ConfigCheck {
    /// The role whose keys are validated besides the shared ones.
    enum Role: String, CaseIterable, ExpressibleByArgument {
        case idp
        case `as`
        case gateway
        case mcp
    }

    /// Loads `filePath` under `environment` and validates the settings every role shares, plus
    /// those of `role` when one is named — exactly what that role's `serve` command reads.
    ///
    /// A file that cannot be loaded is reported as a problem with the `config` key (whose variable
    /// is `ZEROTOUCH_CONFIG`).
    static func report(filePath: String?, environment: [String: String], role: Role? = nil) async -> ConfigurationReport {
        let source: ConfigurationSource
        do {
            source = try await ConfigurationSource.load(filePath: filePath, environment: environment)
        } catch {
            return ConfigurationReport(
                filePath: filePath, entries: [],
                problems: [ConfigurationProblem(key: "config", message: error.description)], warnings: []
            )
        }
        do {
            return try SettingsReader.load(from: source) { reader in validate(role, with: &reader) }.report
        } catch {
            return error.report
        }
    }

    /// Reads the keys of `role` (or the shared keys only) so that the reader records every problem.
    private static func validate(_ role: Role?, with reader: inout SettingsReader) {
        switch role {
        case nil: _ = CommonSettings(reading: &reader)
        case .idp: _ = IdPCommandSettings(reading: &reader)
        case .as: _ = ASSettings(reading: &reader)
        case .gateway: _ = GatewayServeSettings(reading: &reader)
        case .mcp: _ = MCPServeSettings(reading: &reader, demo: .issues)
        }
    }
}

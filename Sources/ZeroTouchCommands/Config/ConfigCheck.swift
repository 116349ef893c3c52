import Foundation
import ZeroTouchServer

/// What `zerotouch config check` computes, without any printing.
enum ConfigCheck {
    /// Loads `filePath` under `environment` and validates the settings every role shares.
    ///
    /// A file that cannot be loaded is reported as a problem with the `config` key (whose variable
    /// is `ZEROTOUCH_CONFIG`). Role settings join here as the roles arrive.
    static func report(filePath: String?, environment: [String: String]) async -> ConfigurationReport {
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
            return try SettingsReader.load(from: source) { reader in CommonSettings(reading: &reader) }.report
        } catch {
            return error.report
        }
    }
}

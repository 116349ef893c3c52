import Foundation

/// The effective configuration with secrets redacted, and every problem found while reading it.
///
/// Built by `SettingsReader`; nothing secret is ever stored here, so printing a report is safe.
public struct ConfigurationReport: Sendable, Equatable {
    /// The YAML file that was loaded, if any.
    public var filePath: String?
    /// Every key read, sorted by key.
    public var entries: [ConfigurationEntry]
    /// Every problem, in the order the keys were read.
    public var problems: [ConfigurationProblem]
    /// Settings that are valid but dangerous, such as `security.allow_insecure_http`.
    public var warnings: [String]

    /// Creates a report; `SettingsReader.load(from:_:)` makes the usual ones.
    public init(filePath: String?, entries: [ConfigurationEntry], problems: [ConfigurationProblem], warnings: [String]) {
        self.filePath = filePath
        self.entries = entries
        self.problems = problems
        self.warnings = warnings
    }

    /// Whether no problem was found.
    public var isValid: Bool { problems.isEmpty }

    /// One line per key (`server.port = 8443 (file)`), then warnings and problems.
    public var redactedText: String {
        var lines: [String] = ["configuration file: \(filePath ?? "(none; environment and defaults only)")"]
        for entry in entries {
            if let value = entry.displayValue {
                lines.append("\(entry.key) = \(value) (\(entry.origin.rawValue))")
            } else {
                lines.append("\(entry.key) (not set)")
            }
        }
        lines += warnings.map { "warning: \($0)" }
        if problems.isEmpty {
            lines.append("configuration is valid")
        } else {
            lines.append("configuration has \(problems.count) problem\(problems.count == 1 ? "" : "s"):")
            lines += problems.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The report as JSON: `valid`, `file`, `configuration` (key → value, origin, env), `warnings`, `problems`.
    public var redactedJSON: String {
        struct Value: Encodable {
            var value: String?
            var origin: String
            var env: String
        }
        struct Body: Encodable {
            var valid: Bool
            var file: String?
            var configuration: [String: Value]
            var warnings: [String]
            var problems: [ConfigurationProblem]
        }
        let body = Body(
            valid: isValid,
            file: filePath,
            configuration: Dictionary(
                uniqueKeysWithValues: entries.map {
                    ($0.key, Value(value: $0.displayValue, origin: $0.origin.rawValue, env: $0.environmentVariable))
                }
            ),
            warnings: warnings,
            problems: problems
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

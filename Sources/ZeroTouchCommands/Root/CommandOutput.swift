import Foundation

/// How admin commands print: pretty JSON with sorted keys for documents (what scripts parse with
/// `--json`), one line for a change.
enum CommandOutput {
    /// Writes `value` as pretty JSON with sorted keys and ISO 8601 dates.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        CommandIO.current.writeOutput(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Writes one line.
    static func line(_ text: String) { CommandIO.current.writeOutput(text) }
}

/// A command-line value a command refuses; its description says what is wrong.
struct CommandArgumentError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

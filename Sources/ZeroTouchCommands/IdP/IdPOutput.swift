import Foundation

/// How the IdP commands print: pretty JSON with sorted keys for documents, one line for a change.
enum IdPOutput {
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        CommandIO.current.writeOutput(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func line(_ text: String) { CommandIO.current.writeOutput(text) }
}

/// A command-line value the IdP commands refuse.
struct IdPArgumentError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

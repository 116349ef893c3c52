import Foundation
import ZeroTouchCore

/// How the `zerotouch as` commands print: JSON documents for listings, one line for a change.
enum ASOutput {
    /// Writes `value` as pretty JSON with sorted keys.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        CommandIO.current.writeOutput(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Writes one line.
    static func line(_ text: String) { CommandIO.current.writeOutput(text) }
}

/// A refused command-line value.
struct ASArgumentError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import ArgumentParser
import Foundation

/// `zerotouch version [--json]`: prints the version of this build.
struct VersionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the ZeroTouch version.",
        discussion: "With --json, prints {\"name\":\"zerotouch\",\"version\":…} for scripts."
    )

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        CommandIO.current.writeOutput(Self.render(json: json))
    }

    /// The output: `zerotouch 0.1.0-dev`, or the JSON object.
    static func render(json: Bool) -> String {
        guard json else { return "zerotouch \(ZeroTouchVersion.current)" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(["name": "zerotouch", "version": ZeroTouchVersion.current])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

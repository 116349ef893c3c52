import Foundation

/// Prints the demo as numbered steps with ✓ or ✗ and a few indented lines of detail each, and stops
/// at the first step that does not behave as expected.
final class DemoNarrator {
    private let write: @Sendable (String) -> Void
    private let started = ContinuousClock.now
    private(set) var completedSteps = 0

    init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// A section heading.
    func section(_ title: String) { write("\n\(title)") }

    /// Runs one step; `body` returns the detail lines to print under the ✓.
    /// - Throws: `DemoFailure` naming this step when `body` throws.
    @discardableResult
    func step<T>(_ title: String, _ body: () async throws -> (T, [String])) async throws(DemoFailure) -> T {
        let number = completedSteps + 1
        do {
            let (value, details) = try await body()
            completedSteps = number
            write("  ✓ \(number). \(title)")
            for line in details { write("       \(line)") }
            return value
        } catch {
            let reason = String(describing: error)
            write("  ✗ \(number). \(title)")
            write("       \(reason)")
            throw DemoFailure(step: number, title: title, reason: reason)
        }
    }

    /// A step without a value.
    func step(_ title: String, _ body: () async throws -> [String]) async throws(DemoFailure) {
        try await step(title) { () async throws -> (Void, [String]) in ((), try await body()) }
    }

    /// Seconds since the narrator was made, for the closing line.
    var elapsed: String {
        let duration = ContinuousClock.now - started
        return String(format: "%.1f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}

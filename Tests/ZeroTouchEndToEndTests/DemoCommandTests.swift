import ArgumentParser
import Synchronization
import Testing
@testable import ZeroTouchCommands

/// `zerotouch demo` itself, run in this process as `main` would run it.
@Suite("zerotouch demo")
struct DemoCommandTests {
    @Test("zerotouch demo walks through every step with a ✓ and exits 0")
    func demoSucceeds() async throws {
        let lines = Mutex<[String]>([])
        let io = CommandIO(writeOutput: { text in lines.withLock { $0.append(text) } }, writeError: { _ in }, environment: [:])
        var command = try #require(try ZeroTouchCommand.parseAsRoot(["demo"]) as? DemoCommand)
        try await CommandIO.$current.withValue(io) { try await command.run() }
        let output = lines.withLock { $0.joined(separator: "\n") }
        #expect(!output.contains("✗"))
        #expect(output.contains("✓ 17."))
        #expect(output.contains("All 17 steps behaved as expected"))
    }

    @Test("a step that does not behave as expected is printed with ✗ and stops the demo, naming the step")
    func failingStepIsNamed() async throws {
        let lines = Mutex<[String]>([])
        let narrator = DemoNarrator { text in lines.withLock { $0.append(text) } }
        try await narrator.step("first") { ["fine"] }
        let failure = try await #require(throws: DemoFailure.self) {
            try await narrator.step("second") { () async throws -> [String] in throw DemoExpectation("it misbehaved") }
        }
        #expect(failure.step == 2)
        #expect(failure.title == "second")
        #expect(lines.withLock { $0 }.contains("  ✗ 2. second"))
    }
}

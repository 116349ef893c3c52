/// A demo step that did not behave as expected: the step's number and title, and what happened.
public struct DemoFailure: Error, Sendable, CustomStringConvertible {
    /// The step's number, from 1.
    public var step: Int
    /// The step's title.
    public var title: String
    /// What went wrong.
    public var reason: String

    /// `step N (title) failed: reason`.
    public var description: String { "step \(step) (\(title)) failed: \(reason)" }
}

/// Thrown inside a step when an outcome differs from the expected one.
struct DemoExpectation: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The configuration has problems; `report` lists all of them and the redacted effective values.
public struct ConfigurationInvalid: Error, Sendable, CustomStringConvertible {
    /// The full report.
    public var report: ConfigurationReport

    /// One line per problem.
    public var description: String { report.problems.map(\.description).joined(separator: "\n") }
}

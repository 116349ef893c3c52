/// Why a stdio upstream could not answer; the gateway answers 502 or 504.
enum StdioUpstreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command could not be started.
    case launchFailed(String)
    /// The process has exited.
    case exited
    /// No response within the time limit.
    case timedOut
    /// A line from the process passed the size cap; the process was stopped.
    case messageTooLarge

    var description: String {
        switch self {
        case .launchFailed(let reason): "the upstream command could not be started: \(reason)"
        case .exited: "the upstream process has exited"
        case .timedOut: "the upstream did not answer in time"
        case .messageTooLarge: "the upstream sent an oversized message"
        }
    }
}

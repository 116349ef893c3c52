public import Foundation

/// Bounds on the stateful sessions of one hosted server or gateway.
public struct MCPSessionLimits: Sendable, Equatable {
    /// The most sessions open at once; an `initialize` beyond it is answered with 503.
    public var maximumSessions: Int
    /// How long a session may go unused before it is closed.
    public var idleTimeout: TimeInterval

    /// Creates limits; by default 1000 sessions, closed after 30 minutes without a request.
    public init(maximumSessions: Int = 1000, idleTimeout: TimeInterval = 1800) {
        self.maximumSessions = maximumSessions
        self.idleTimeout = idleTimeout
    }
}

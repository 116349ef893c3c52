import ServiceLifecycle

/// One listener of the environment: a role's Hummingbird application as a service-lifecycle `Service`.
struct DevListener: Sendable {
    /// The role, e.g. "identity provider".
    var role: String
    /// The application.
    var service: any Service
    /// Releases what the role holds once its listener has stopped (MCP sessions, the gateway's HTTP client).
    var afterStop: @Sendable () async -> Void = {}
}

public import MCP

/// The outcome of connecting to one server of the catalog (issue 6 item 4).
public enum ServerStatus: Sendable {
    /// Connected and initialized; the server's tools.
    case connected(tools: [Tool])
    /// The organization's policy at the IdP refused access (decisions "Policy denial").
    case denied(PolicyDenial)
    /// Anything else went wrong: unreachable, misconfigured, refused by the server.
    case unreachable(ZeroTouchClientError)

    /// `connected`, `denied` or `unreachable`, for `--json` output.
    public var name: String {
        switch self {
        case .connected: "connected"
        case .denied: "denied"
        case .unreachable: "unreachable"
        }
    }
}

/// One server of the catalog with its status and, when connected, the open connection (the
/// caller closes it).
public struct ServerReport: Sendable {
    /// The catalog entry.
    public var entry: CatalogEntry
    /// The outcome.
    public var status: ServerStatus
    /// The open connection, when connected.
    public var connection: MCPConnection?

    /// Creates a report.
    public init(entry: CatalogEntry, status: ServerStatus, connection: MCPConnection? = nil) {
        self.entry = entry
        self.status = status
        self.connection = connection
    }
}

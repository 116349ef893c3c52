public import Foundation

/// The unmodified MCP server a gateway puts behind EMA.
public enum GatewayUpstream: Sendable, Equatable, CustomStringConvertible {
    /// A Streamable HTTP server (MCP "Transports"): requests, JSON and SSE responses, sessions and
    /// `DELETE` are passed through.
    case http(URL)
    /// A stdio server (MCP "stdio" transport): one process per gateway session, started on
    /// `initialize` and stopped on `DELETE` or when the session expires.
    case stdio(command: String, arguments: [String])

    /// The upstream as shown in logs and audit records (the URL without query, or the command).
    public var description: String {
        switch self {
        case .http(let url): "http \(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
        case .stdio(let command, _): "stdio \(command)"
        }
    }
}

/// How a hosted MCP server speaks Streamable HTTP (MCP 2025-11-25 "Transports").
public enum MCPHostingMode: String, Sendable, CaseIterable {
    /// No session: each `POST` gets one JSON response; `GET` and `DELETE` get 405. Each request
    /// is served by a fresh server, so the server keeps no state between requests.
    case stateless
    /// Sessions with `Mcp-Session-Id`: `POST` responses are SSE streams, `GET` opens the
    /// server's stream, `DELETE` ends the session. A session belongs to the user and client that
    /// created it.
    case stateful
}

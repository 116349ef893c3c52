public import MCP

/// An open MCP session with one server: the swift-sdk `Client` over `StreamableHTTPTransport`,
/// initialized (MCP 2025-11-25 "Lifecycle"). Close it with `close()`.
public final class MCPConnection: Sendable {
    /// The MCP endpoint.
    public let endpoint: String
    /// The SDK client, for calls this type does not wrap.
    public let client: Client
    /// The transport (session id, negotiated version).
    public let transport: StreamableHTTPTransport
    /// The server's `initialize` result.
    public let initializeResult: Initialize.Result

    private init(endpoint: String, client: Client, transport: StreamableHTTPTransport, initializeResult: Initialize.Result) {
        self.endpoint = endpoint
        self.client = client
        self.transport = transport
        self.initializeResult = initializeResult
    }

    /// Connects and initializes over `transport`.
    /// - Throws: `ZeroTouchClientError`, e.g. `.blockedByPolicy` or `.transportFailed`; the
    ///   transport is closed again on failure.
    public static func open(transport: StreamableHTTPTransport, clientName: String, clientVersion: String) async throws(ZeroTouchClientError) -> MCPConnection {
        let client = Client(name: clientName, version: clientVersion)
        do {
            let result = try await client.connect(transport: transport)
            return MCPConnection(endpoint: transport.endpoint, client: client, transport: transport, initializeResult: result)
        } catch {
            await client.disconnect()
            throw Self.clientError(error, endpoint: transport.endpoint)
        }
    }

    /// Every tool the server offers, following `nextCursor` (at most 100 pages).
    /// - Throws: `ZeroTouchClientError`.
    public func listTools() async throws(ZeroTouchClientError) -> [Tool] {
        var tools: [Tool] = []
        var cursor: String?
        for _ in 0..<100 {
            do {
                let page = try await client.listTools(cursor: cursor)
                tools += page.tools
                guard let next = page.nextCursor, !next.isEmpty else { return tools }
                cursor = next
            } catch {
                throw Self.clientError(error, endpoint: endpoint)
            }
        }
        return tools
    }

    /// Calls a tool (MCP 2025-11-25 "Tools" §Calling Tools).
    /// - Returns: the content, and whether the tool reported an error.
    /// - Throws: `ZeroTouchClientError`.
    public func callTool(_ name: String, arguments: [String: Value]? = nil) async throws(ZeroTouchClientError) -> (content: [Tool.Content], isError: Bool) {
        do {
            let result = try await client.callTool(name: name, arguments: arguments)
            return (result.content, result.isError ?? false)
        } catch {
            throw Self.clientError(error, endpoint: endpoint)
        }
    }

    /// Ends the session (`DELETE`) and stops the SDK client.
    public func close() async {
        await client.disconnect()
    }

    /// Our errors pass through; a JSON-RPC error from the server becomes `.mcpRequestFailed`.
    static func clientError(_ error: any Error, endpoint: String) -> ZeroTouchClientError {
        if let error = error as? ZeroTouchClientError { return error }
        if let error = error as? MCPError {
            return ZeroTouchClientError(
                .mcpRequestFailed, "the MCP server answered with error \(error.code): \(ZeroTouchClientError.printable(error.errorDescription ?? ""))",
                url: endpoint)
        }
        return ZeroTouchClientError(.mcpRequestFailed, "the MCP request failed: \(ZeroTouchClientError.printable(String(describing: error)))", url: endpoint)
    }
}


/// Connects to MCP servers with enterprise-managed authorization: one server by URL, or every
/// server of the IdP's catalog at once, concurrently (issue 6 item 4: "logging in once and
/// automatically having all your MCP connectors set up").
public struct MCPConnector: Sendable {
    /// Gets the access tokens.
    public let authorizer: EnterpriseAuthorizer
    /// `clientInfo.name` in `initialize`.
    public var clientName: String
    /// `clientInfo.version` in `initialize`.
    public var clientVersion: String
    /// The limit for one MCP request.
    public var requestTimeout: Duration

    /// Creates a connector.
    public init(authorizer: EnterpriseAuthorizer, clientName: String = "zerotouch", clientVersion: String = "0.1.0", requestTimeout: Duration = .seconds(60)) {
        self.authorizer = authorizer
        self.clientName = clientName
        self.clientVersion = clientVersion
        self.requestTimeout = requestTimeout
    }

    /// Connects to the MCP server at `endpoint`: the first request goes without a token, its 401
    /// starts discovery and the two exchanges, and `initialize` is retried with the token.
    /// - Throws: `ZeroTouchClientError`; `.blockedByPolicy` with a `PolicyDenial` when the IdP refuses.
    public func connect(to endpoint: String) async throws(ZeroTouchClientError) -> MCPConnection {
        let configuration = authorizer.configuration
        let transport = StreamableHTTPTransport(
            endpoint: endpoint, authorization: authorizer, httpClient: configuration.httpClient, endpointPolicy: configuration.endpointPolicy,
            requestTimeout: requestTimeout, logger: authorizer.logger)
        return try await MCPConnection.open(transport: transport, clientName: clientName, clientVersion: clientVersion)
    }

    /// Connects to every entry concurrently and lists each one's tools. Reports come back in the
    /// order of `entries`; connected ones hold an open connection.
    public func connectAll(_ entries: [CatalogEntry]) async -> [ServerReport] {
        await withTaskGroup(of: (Int, ServerReport).self) { group in
            for (index, entry) in entries.enumerated() {
                group.addTask { (index, await report(for: entry)) }
            }
            var reports = [ServerReport?](repeating: nil, count: entries.count)
            for await (index, report) in group { reports[index] = report }
            return reports.compactMap { $0 }
        }
    }

    /// Reads the catalog with the session's IdP access token and connects to every server in it.
    /// - Throws: `ZeroTouchClientError` when the catalog cannot be read; per-server failures are in the reports.
    public func connectToCatalog(_ catalog: ServerCatalogClient, session: IdentitySession) async throws(ZeroTouchClientError) -> [ServerReport] {
        let entries = try await catalog.servers(accessToken: session.catalogAccessToken())
        return await connectAll(entries)
    }

    private func report(for entry: CatalogEntry) async -> ServerReport {
        do throws(ZeroTouchClientError) {
            let connection = try await connect(to: entry.endpoint)
            do throws(ZeroTouchClientError) {
                let tools = try await connection.listTools()
                return ServerReport(entry: entry, status: .connected(tools: tools), connection: connection)
            } catch {
                await connection.close()
                throw error
            }
        } catch {
            guard error.code == .blockedByPolicy else { return ServerReport(entry: entry, status: .unreachable(error)) }
            return ServerReport(entry: entry, status: .denied(error.denial ?? PolicyDenial(reason: error.reason)))
        }
    }
}

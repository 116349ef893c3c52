public import ZeroTouchClient
import ZeroTouchCore

/// One signed-in user of a dev environment (what `zerotouch login` leaves behind), and the calls
/// the CLI makes with it.
public struct DevSession: Sendable {
    /// Who signed in.
    public let username: String
    /// The session as stored after the sign-in: the ID token's verified claims, the IdP's tokens.
    public let credentials: StoredCredentials
    /// The session, renewed with the refresh token when needed.
    public let session: IdentitySession
    /// Connects to MCP servers with enterprise-managed authorization.
    public let connector: MCPConnector
    /// The IdP's catalog of the user's servers.
    public let catalog: ServerCatalogClient
    /// The URLs.
    public let topology: DevTopology

    /// Reads the catalog and connects to every server in it at once (issue 6 item 4).
    /// - Throws: `ZeroTouchClientError` when the catalog cannot be read.
    public func connectToEverything() async throws(ZeroTouchClientError) -> [ServerReport] {
        try await connector.connectToCatalog(catalog, session: session)
    }

    /// Connects to one server by URL, whether or not the catalog lists it: discovery, the token
    /// exchange and the jwt-bearer grant, then `initialize`.
    /// - Throws: `ZeroTouchClientError`; `.blockedByPolicy` with the IdP's reason when policy refuses.
    public func connect(to server: DevServer) async throws(ZeroTouchClientError) -> MCPConnection {
        try await connector.connect(to: topology.resource(of: server).rawValue)
    }

    /// Forgets cached access tokens, so the next call makes both exchanges again.
    public func forgetAccessTokens() { connector.authorizer.reset() }
}

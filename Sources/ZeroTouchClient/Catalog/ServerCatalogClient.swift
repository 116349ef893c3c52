public import AsyncHTTPClient
import Foundation
public import ZeroTouchCore

/// Reads the IdP's catalog of the MCP servers the user may use: `GET {issuer}/mcp/servers` with the
/// IdP access token from the login, answering `{"servers":[CatalogEntry…]}` (issue 6 item 4).
public struct ServerCatalogClient: Sendable {
    /// The catalog URL.
    public var catalogURL: String
    let http: HTTPExchange

    /// A client for the catalog of the IdP `issuer`.
    public init(
        issuer: Issuer, httpClient: HTTPClient = ZeroTouchHTTPClient.shared, endpointPolicy: EndpointPolicy = .standard,
        timeout: Duration = .seconds(10)
    ) {
        var base = issuer.rawValue
        while base.hasSuffix("/") { base.removeLast() }
        self.catalogURL = base + "/mcp/servers"
        self.http = HTTPExchange(httpClient: httpClient, endpointPolicy: endpointPolicy, timeout: timeout)
    }

    private struct Listing: Decodable { var servers: [CatalogEntry] }

    /// The servers listed for the user.
    /// - Throws: `ZeroTouchClientError.loginRequired` on 401, `.catalogUnavailable`, `.insecureEndpoint`, `.transportFailed`.
    public func servers(accessToken: SecretValue) async throws(ZeroTouchClientError) -> [CatalogEntry] {
        let reply = try await http.get(catalogURL, what: "IdP server catalog", bearer: accessToken.revealed)
        switch reply.status {
        case 200:
            if let listing = try? JSONDecoder().decode(Listing.self, from: reply.body) { return listing.servers }
            return try HTTPExchange.decode([CatalogEntry].self, from: reply, what: "IdP server catalog", url: catalogURL)
        case 401:
            throw ZeroTouchClientError(.loginRequired, "the IdP no longer accepts this session", nextStep: "Run `zerotouch login` again", url: catalogURL, status: 401)
        default:
            throw ZeroTouchClientError(.catalogUnavailable, "the IdP's server catalog answered HTTP \(reply.status)", url: catalogURL, status: reply.status)
        }
    }
}

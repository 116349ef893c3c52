public import ZeroTouchCore

/// One MCP server the IdP lists for the user (`GET {idp}/mcp/servers`, issue 6 item 4):
/// `{"name":…, "resource":…, "url":…?, "authorization_server":…, "scopes":[…], "description":…?}`.
/// `scopes` may be strings or objects with a `name`.
public struct CatalogEntry: Codable, Sendable, Hashable {
    /// The IdP's identifier for the server, when it sends one.
    public var id: String?
    /// The server's display name, unique in the catalog; the CLI's SERVER argument.
    public var name: String
    /// A description for people.
    public var description: String?
    /// The protected resource identifier (RFC 9728 §2).
    public var resource: ResourceIdentifier
    /// The MCP endpoint when it differs from `resource`.
    public var url: String?
    /// The issuer of the server's authorization server, as the IdP knows it.
    public var authorizationServer: Issuer?
    /// The scopes the server defines.
    public var scopes: [String]

    /// Creates an entry.
    public init(name: String, description: String? = nil, resource: ResourceIdentifier, url: String? = nil, authorizationServer: Issuer? = nil, scopes: [String] = []) {
        self.name = name
        self.description = description
        self.resource = resource
        self.url = url
        self.authorizationServer = authorizationServer
        self.scopes = scopes
    }

    /// The URL to connect to: `url`, else the resource identifier.
    public var endpoint: String { url ?? resource.rawValue }

    enum CodingKeys: String, CodingKey {
        case id, name, description, resource, url, scopes
        case authorizationServer = "authorization_server"
    }

    private struct NamedScope: Decodable { var name: String }

    /// Decodes an entry; `scopes` may be strings or `{"name":…}` objects, and may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        resource = try container.decode(ResourceIdentifier.self, forKey: .resource)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        authorizationServer = try container.decodeIfPresent(Issuer.self, forKey: .authorizationServer)
        if let names = try? container.decodeIfPresent([String].self, forKey: .scopes) {
            scopes = names
        } else {
            scopes = try container.decodeIfPresent([NamedScope].self, forKey: .scopes)?.map(\.name) ?? []
        }
    }
}

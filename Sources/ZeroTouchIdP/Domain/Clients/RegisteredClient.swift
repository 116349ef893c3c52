public import Foundation
public import ZeroTouchCore

/// Whether a client runs on a server or on the user's device (OpenID Connect Dynamic Client
/// Registration §2 `application_type`).
public enum ClientApplicationType: String, Codable, Sendable, CaseIterable {
    /// A web application: its redirect URIs match exactly.
    case web
    /// A native application such as the `zerotouch` CLI: loopback redirect URIs match on any port (RFC 8252 §7.3).
    case native
}

/// An MCP host registered at the IdP (issue 3, item 3): how it authenticates, where the login flow
/// may send the user back, and the `client_id` it has at each MCP server's authorization server.
public struct RegisteredClient: Codable, Sendable, Equatable, Identifiable {
    /// The `client_id` at this IdP (RFC 6749 §2.2).
    public var id: ClientID
    public var name: String
    /// How the client authenticates at the token endpoint (RFC 6749 §2.3). `credentials.clientID` equals `id`.
    /// A public client (`none`) may use the login flow with PKCE, never the token exchange (EMA-S §7.7).
    public var credentials: ClientCredentials
    public var applicationType: ClientApplicationType
    /// The redirect URIs of the authorization code flow (RFC 6749 §3.1.2), compared as in `acceptsRedirectURI`.
    public var redirectURIs: [String]
    /// The client's `client_id` at each MCP server's authorization server: the ID-JAG `client_id` claim,
    /// which may differ from `id` (ID-JAG §5, checklist I-22). A server without an entry gets no ID-JAG for this client.
    public var serverClientIDs: [MCPServerID: ClientID]
    public var createdAt: Date

    public init(
        id: ClientID, name: String, credentials: ClientCredentials, applicationType: ClientApplicationType = .web,
        redirectURIs: [String] = [], serverClientIDs: [MCPServerID: ClientID] = [:], createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.credentials = credentials
        self.applicationType = applicationType
        self.redirectURIs = redirectURIs
        self.serverClientIDs = serverClientIDs
        self.createdAt = createdAt
    }

    /// Whether the client authenticates at the token endpoint, which the token exchange requires
    /// (checklist I-4: "omitting client authentication ... allows a compromised subject token to be leveraged").
    public var isConfidential: Bool { credentials.method != .none }
    /// Whether the client is disabled: it fails authentication and gets no grant.
    public var isDisabled: Bool { credentials.isDisabled }
    /// The `client_id` to put in an ID-JAG for `server`, or `nil` when the client is not registered there.
    public func clientID(at server: MCPServerID) -> ClientID? { serverClientIDs[server] }
}

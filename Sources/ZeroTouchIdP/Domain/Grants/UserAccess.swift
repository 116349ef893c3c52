public import Foundation
public import ZeroTouchCore
public import ZeroTouchOAuth

/// What an IdP access token (from the login's token response) gives access to: `/userinfo`
/// (OpenID Connect Core §5.3), `/mcp/servers` (issue 3, item 7) and revocation (RFC 7009).
public struct UserAccess: Sendable {
    let registry: IdPRegistry
    let grants: any GrantStore
    let clock: any WallClock

    public init(registry: IdPRegistry, grants: any GrantStore, clock: any WallClock) {
        self.registry = registry
        self.grants = grants
        self.clock = clock
    }

    /// The grant and active user behind an `Authorization: Bearer` header.
    /// - Throws: `BearerRejection`; store errors.
    public func authorize(_ authorization: String?) async throws -> (grant: AccessTokenGrant, user: User) {
        let token = try BearerRejection.token(from: authorization)
        guard token.utf8.count <= OpaqueToken.maximumLength, let grant = try await grants.accessToken(TokenHash(of: token), now: clock.now) else {
            throw BearerRejection.invalidToken
        }
        guard let user = registry.snapshot.user(grant.userID), user.isActive else { throw BearerRejection.userInactive(grant.userID) }
        return (grant, user)
    }

    /// The claims `/userinfo` returns: `sub` always, name claims with `profile`, `email` with `email`.
    public func userInfo(_ authorization: String?) async throws -> UserInfoResponse {
        let (grant, user) = try await authorize(authorization)
        let profile = grant.scope.contains("profile")
        return UserInfoResponse(
            subject: user.id, name: profile ? user.displayName : nil, preferredUsername: profile ? user.username : nil,
            email: grant.scope.contains("email") ? user.email : nil)
    }

    /// The MCP servers the token's user may use through the token's client, with the scopes policy
    /// allows there now (`IdPSnapshot.availableServers`).
    public func availableServers(_ authorization: String?) async throws -> MCPServerListResponse {
        let (grant, user) = try await authorize(authorization)
        let available = registry.snapshot.availableServers(
            user: user.id, client: grant.clientID, authentication: grant.authentication, now: clock.now)
        return MCPServerListResponse(servers: available.map(MCPServerListResponse.Entry.init))
    }

    /// Revokes a refresh token (and its family) or an access token of `client` (RFC 7009 §2.1). Unknown
    /// tokens and other clients' tokens are ignored: the answer is the same 200 either way (§2.2).
    public func revoke(_ token: String, hint: String?, by client: AuthenticatedClient) async throws {
        guard token.utf8.count <= OpaqueToken.maximumLength else { return }
        let hash = TokenHash(of: token)
        if hint != "access_token", let grant = try await grants.refreshToken(hash), grant.clientID == client.clientID {
            try await grants.revokeFamily(grant.family, until: grant.expiresAt)
            return
        }
        if let grant = try await grants.accessToken(hash, now: clock.now), grant.clientID == client.clientID {
            _ = try await grants.revokeAccessToken(hash)
            return
        }
        if hint == "access_token", let grant = try await grants.refreshToken(hash), grant.clientID == client.clientID {
            try await grants.revokeFamily(grant.family, until: grant.expiresAt)
        }
    }
}

/// The `/userinfo` response (OpenID Connect Core §5.3.2).
public struct UserInfoResponse: Codable, Sendable, Equatable {
    public var subject: UserID
    public var name: String?
    public var preferredUsername: String?
    public var email: String?

    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case name
        case preferredUsername = "preferred_username"
        case email
    }
}

/// The `/mcp/servers` response: what makes "connected on first login" possible (issue 3, item 7).
public struct MCPServerListResponse: Codable, Sendable, Equatable {
    /// One MCP server the user may use through the client.
    public struct Entry: Codable, Sendable, Equatable {
        public var id: MCPServerID
        public var name: String
        public var description: String
        /// The RFC 9728 resource identifier: the token exchange's `resource`.
        public var resource: ResourceIdentifier
        /// The authorization server's issuer: the token exchange's `audience`.
        public var authorizationServer: Issuer
        /// The scopes policy allows the user there now.
        public var scopes: [String]

        init(_ available: AvailableServer) {
            id = available.server.id
            name = available.server.name
            description = available.server.description
            resource = available.server.resource
            authorizationServer = available.server.authorizationServer
            scopes = available.scope.sorted
        }

        enum CodingKeys: String, CodingKey {
            case id, name, description, resource, scopes
            case authorizationServer = "authorization_server"
        }
    }

    public var servers: [Entry]
}

public import Foundation
public import ZeroTouchCore

/// The claims of an ID-JAG this IdP issues (ID-JAG §3.1, checklist I-19; issue 3, item 6).
///
/// `sub` is the user's opaque id, the same the IdP gives every relying party; `client_id` is the
/// client's id *at the MCP server's authorization server* (ID-JAG §5, checklist I-22); `resource` is
/// always present (decisions X-3); `email` only when the catalog entry asks for it (decisions X-7).
public struct IDJAGClaims: Codable, Sendable, Equatable {
    public var issuer: Issuer
    public var subject: UserID
    /// The authorization server's issuer identifier, a single string (ID-JAG §4.4.1).
    public var audience: Issuer
    public var clientID: ClientID
    public var resource: ResourceIdentifier
    /// The granted scope; absent when the server defines no scopes.
    public var scope: Scope?
    public var jwtID: JTI
    public var issuedAt: Date
    public var expiresAt: Date
    public var authTime: Date
    public var methods: [String]
    public var email: String?

    public init(
        issuer: Issuer, subject: UserID, audience: Issuer, clientID: ClientID, resource: ResourceIdentifier, scope: Scope?,
        jwtID: JTI, issuedAt: Date, expiresAt: Date, authTime: Date, methods: [String], email: String?
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.clientID = clientID
        self.resource = resource
        self.scope = scope
        self.jwtID = jwtID
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.authTime = authTime
        self.methods = methods
        self.email = email
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case audience = "aud"
        case clientID = "client_id"
        case resource
        case scope
        case jwtID = "jti"
        case issuedAt = "iat"
        case expiresAt = "exp"
        case authTime = "auth_time"
        case methods = "amr"
        case email
    }
}

/// A signed ID-JAG with the claims it carries.
public struct IssuedIDJAG: Sendable, Equatable {
    /// The compact JWS: header `{"alg","kid","typ":"oauth-id-jag+jwt"}`.
    public var token: String
    public var claims: IDJAGClaims
    /// Seconds until `exp`, for the response's `expires_in`.
    public var expiresIn: Int
}

public import Foundation
public import ZeroTouchCore

/// The family of refresh tokens descending from one authorization code: rotation keeps the family,
/// and reuse of any member revokes all of it (OAuth 2.1 §4.3.1, RFC 6819 §5.2.2.3).
public struct RefreshFamilyID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random identifier (128 bits).
    public static func generate() -> RefreshFamilyID { RefreshFamilyID(RandomIdentifier.make(prefix: "f")) }
}

/// What an authorization code stands for until it is redeemed once (RFC 6749 §4.1.2, §4.1.3).
public struct AuthorizationCodeGrant: Sendable, Equatable, Codable {
    public var clientID: ClientID
    /// The `redirect_uri` of the authorization request; the token request must repeat it exactly.
    public var redirectURI: String
    public var scope: Scope
    public var nonce: String?
    /// The S256 `code_challenge` the `code_verifier` must match (RFC 7636 §4.6).
    public var codeChallenge: String
    public var userID: UserID
    public var authentication: AuthenticationContext
    public var expiresAt: Date
    /// The family the tokens issued for this code belong to, so that a replayed code revokes them.
    public var family: RefreshFamilyID

    public init(
        clientID: ClientID, redirectURI: String, scope: Scope, nonce: String?, codeChallenge: String, userID: UserID,
        authentication: AuthenticationContext, expiresAt: Date, family: RefreshFamilyID
    ) {
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.scope = scope
        self.nonce = nonce
        self.codeChallenge = codeChallenge
        self.userID = userID
        self.authentication = authentication
        self.expiresAt = expiresAt
        self.family = family
    }
}

/// What an IdP access token (for `/userinfo` and `/mcp/servers`) stands for.
public struct AccessTokenGrant: Sendable, Equatable, Codable {
    public var userID: UserID
    public var clientID: ClientID
    public var scope: Scope
    public var authentication: AuthenticationContext
    public var expiresAt: Date
    public var family: RefreshFamilyID

    public init(userID: UserID, clientID: ClientID, scope: Scope, authentication: AuthenticationContext, expiresAt: Date, family: RefreshFamilyID) {
        self.userID = userID
        self.clientID = clientID
        self.scope = scope
        self.authentication = authentication
        self.expiresAt = expiresAt
        self.family = family
    }
}

/// What a refresh token stands for. Every member of a family shares the original sign-in and the
/// family's absolute expiry.
public struct RefreshTokenGrant: Sendable, Equatable, Codable {
    public var family: RefreshFamilyID
    public var userID: UserID
    public var clientID: ClientID
    public var scope: Scope
    public var authentication: AuthenticationContext
    /// The family's absolute expiry: rotation never extends it.
    public var expiresAt: Date

    public init(family: RefreshFamilyID, userID: UserID, clientID: ClientID, scope: Scope, authentication: AuthenticationContext, expiresAt: Date) {
        self.family = family
        self.userID = userID
        self.clientID = clientID
        self.scope = scope
        self.authentication = authentication
        self.expiresAt = expiresAt
    }
}

/// The outcome of presenting an authorization code.
public enum CodeRedemption: Sendable, Equatable {
    /// First presentation: the code is now spent.
    case redeemed(AuthorizationCodeGrant)
    /// The code was already redeemed (RFC 6749 §4.1.2: "If an authorization code is used more than
    /// once, the authorization server MUST deny the request and SHOULD revoke … all tokens previously issued").
    case reused(AuthorizationCodeGrant)
    /// No such code (never issued, or forgotten after expiry).
    case unknown
}

/// The outcome of presenting a refresh token.
public enum RefreshRotation: Sendable, Equatable {
    /// The family's current token: it is now spent, and the caller issues its successor.
    case current(RefreshTokenGrant)
    /// A spent token came back: the family is now revoked.
    case reused(RefreshTokenGrant)
    /// The token belongs to a revoked family.
    case revoked(RefreshTokenGrant)
    case unknown
}

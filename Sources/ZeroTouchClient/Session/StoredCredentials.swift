public import Foundation
public import ZeroTouchCore

/// A login session as kept on disk (0600, `CredentialStore`): the IdP's tokens for this user and
/// client, and what is needed to renew them. `description` shows none of the tokens (C-34).
public struct StoredCredentials: Codable, Sendable, CustomStringConvertible {
    /// The IdP's issuer identifier.
    public var issuer: Issuer
    /// This client's `client_id` at the IdP.
    public var clientID: ClientID
    /// The IdP's token endpoint (checked when the login began).
    public var tokenEndpoint: String
    /// The IdP's JWKS URL, for verifying renewed ID tokens.
    public var jwksURI: String
    /// The IdP's `token_endpoint_auth_methods_supported`.
    public var tokenEndpointAuthMethods: [String]?
    /// The user's ID token: the Identity Assertion for token exchanges (EMA-S §3).
    public var idToken: SecretValue
    /// The verified claims of `idToken`.
    public var identity: IdentityClaims
    /// The IdP's refresh token (`offline_access`), for renewing the ID token (C-8, C-31).
    public var refreshToken: SecretValue?
    /// The IdP's access token, for its catalog of MCP servers.
    public var accessToken: SecretValue?
    /// When `accessToken` expires, if the IdP said.
    public var accessTokenExpiresAt: Date?
    /// When the user logged in.
    public var loggedInAt: Date

    /// Creates credentials.
    public init(
        issuer: Issuer, clientID: ClientID, tokenEndpoint: String, jwksURI: String, tokenEndpointAuthMethods: [String]?, idToken: SecretValue,
        identity: IdentityClaims, refreshToken: SecretValue?, accessToken: SecretValue?, accessTokenExpiresAt: Date?, loggedInAt: Date
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.tokenEndpointAuthMethods = tokenEndpointAuthMethods
        self.idToken = idToken
        self.identity = identity
        self.refreshToken = refreshToken
        self.accessToken = accessToken
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.loggedInAt = loggedInAt
    }

    /// Whether the ID token should be renewed at `now`: it expires within `margin` seconds.
    public func idTokenNeedsRenewal(at now: Date, margin: TimeInterval = 60) -> Bool {
        now >= identity.expiresAt.addingTimeInterval(-margin)
    }

    /// Whether the IdP access token should be renewed at `now`.
    public func accessTokenNeedsRenewal(at now: Date, margin: TimeInterval = 30) -> Bool {
        guard accessToken != nil else { return true }
        guard let accessTokenExpiresAt else { return false }
        return now >= accessTokenExpiresAt.addingTimeInterval(-margin)
    }

    /// Who is logged in where; never a token.
    public var description: String {
        "\(identity.subject) at \(issuer) (client \(clientID), ID token until \(Int(identity.expiresAt.timeIntervalSince1970)))"
    }

    enum CodingKeys: String, CodingKey {
        case issuer
        case clientID = "client_id"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case tokenEndpointAuthMethods = "token_endpoint_auth_methods"
        case idToken = "id_token"
        case identity
        case refreshToken = "refresh_token"
        case accessToken = "access_token"
        case accessTokenExpiresAt = "access_token_expires_at"
        case loggedInAt = "logged_in_at"
    }
}

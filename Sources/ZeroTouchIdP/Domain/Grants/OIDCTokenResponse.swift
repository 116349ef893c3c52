/// The token response of the `authorization_code` and `refresh_token` grants (RFC 6749 §5.1,
/// OpenID Connect Core §3.1.3.3).
public struct OIDCTokenResponse: Codable, Sendable, Equatable {
    /// An opaque access token for `/userinfo` and `/mcp/servers`.
    public var accessToken: String
    /// Always `Bearer`.
    public var tokenType: String
    public var expiresIn: Int
    /// The next refresh token of the family (rotated on every use).
    public var refreshToken: String
    /// The ID token: the `subject_token` of a later token exchange.
    public var idToken: String
    public var scope: String

    public init(accessToken: String, expiresIn: Int, refreshToken: String, idToken: String, scope: String) {
        self.accessToken = accessToken
        self.tokenType = "Bearer"
        self.expiresIn = expiresIn
        self.refreshToken = refreshToken
        self.idToken = idToken
        self.scope = scope
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case refreshToken = "refresh_token"
        case idToken = "id_token"
        case scope
    }
}

/// Grant types accepted at token endpoints (RFC 6749 §4, RFC 8693 §2.1, RFC 7523 §2.1).
public enum GrantType: String, Sendable, Codable, CaseIterable {
    case authorizationCode = "authorization_code"
    case refreshToken = "refresh_token"
    case clientCredentials = "client_credentials"
    /// RFC 8693 §2.1 token exchange.
    case tokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange"
    /// RFC 7523 §2.1 JWT bearer assertion grant, used to redeem an ID-JAG.
    case jwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"
}

/// Token type identifiers (RFC 8693 §3, ID-JAG §9.2).
public enum TokenType: String, Sendable, Codable, CaseIterable {
    case accessToken = "urn:ietf:params:oauth:token-type:access_token"
    case refreshToken = "urn:ietf:params:oauth:token-type:refresh_token"
    case idToken = "urn:ietf:params:oauth:token-type:id_token"
    case saml2 = "urn:ietf:params:oauth:token-type:saml2"
    case jwt = "urn:ietf:params:oauth:token-type:jwt"
    /// The Identity Assertion JWT Authorization Grant (ID-JAG §4.3).
    case idJAG = "urn:ietf:params:oauth:token-type:id-jag"
}

/// Client assertion types (RFC 7523 §2.2).
public enum ClientAssertionType: String, Sendable, Codable {
    case jwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
}

/// Authorization grant profiles advertised in RFC 8414 metadata (ID-JAG §7.2).
public enum GrantProfile: String, Sendable, Codable {
    case idJAG = "urn:ietf:params:oauth:grant-profile:id-jag"
}

/// Well-known constants of the MCP Enterprise-Managed Authorization extension.
public enum EnterpriseManagedAuthorization {
    /// The extension identifier declared under `capabilities.extensions` (SEP-990).
    public static let extensionID = "io.modelcontextprotocol/enterprise-managed-authorization"
    /// The JOSE `typ` an ID-JAG carries (ID-JAG §3.1, RFC 8725 §3.11).
    public static let idJAGType = "oauth-id-jag+jwt"
    /// The JOSE `typ` of an RFC 9068 access token.
    public static let accessTokenType = "at+jwt"
    /// The `token_type` of a token-exchange response that issued an ID-JAG (ID-JAG §4.3.4).
    public static let notApplicableTokenType = "N_A"
}

/// Token endpoint client authentication methods (RFC 8414 §2, OIDC Core §9).
public enum ClientAuthenticationMethod: String, Sendable, Codable, CaseIterable {
    case clientSecretBasic = "client_secret_basic"
    case clientSecretPost = "client_secret_post"
    case privateKeyJWT = "private_key_jwt"
    case none = "none"
}

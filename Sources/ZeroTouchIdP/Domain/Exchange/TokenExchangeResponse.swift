public import ZeroTouchCore

/// The successful token-exchange response carrying an ID-JAG (RFC 8693 §2.2.1, ID-JAG §4.3.4, checklist I-24).
public struct TokenExchangeResponse: Codable, Sendable, Equatable {
    /// Always `urn:ietf:params:oauth:token-type:id-jag`.
    public var issuedTokenType: String
    /// The ID-JAG (RFC 8693 names the member `access_token` whatever the token type).
    public var accessToken: String
    /// Always `N_A`: the ID-JAG is not an access token.
    public var tokenType: String
    public var expiresIn: Int
    /// The granted scope when it differs from the requested one (ID-JAG §4.3.4: "REQUIRED" then).
    public var scope: String?

    public init(issued: IssuedIDJAG, requestedScope: Scope) {
        issuedTokenType = TokenType.idJAG.rawValue
        accessToken = issued.token
        tokenType = EnterpriseManagedAuthorization.notApplicableTokenType
        expiresIn = issued.expiresIn
        let granted = issued.claims.scope ?? []
        scope = granted == requestedScope ? nil : granted.parameterValue
    }

    enum CodingKeys: String, CodingKey {
        case issuedTokenType = "issued_token_type"
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case scope
    }
}

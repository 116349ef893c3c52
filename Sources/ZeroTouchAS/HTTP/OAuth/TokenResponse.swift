import ZeroTouchCore

/// The successful token response (RFC 6749 §5.1; ID-JAG §4.4.1: the granted scope and resource
/// are included). No `refresh_token`: the server never issues one (ID-JAG §4.4.3, CONF-490).
struct TokenResponse: Encodable, Sendable {
    let accessToken: String
    let tokenType: String
    let expiresIn: Int
    let scope: String?
    let resource: String

    init(_ issued: IssuedAccessToken) {
        accessToken = issued.accessToken
        tokenType = IssuedAccessToken.tokenType
        expiresIn = issued.expiresIn
        scope = issued.scope.parameterValue
        resource = issued.resource.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case scope
        case resource
    }
}

import Foundation
import ZeroTouchCore

/// An RFC 7662 §2.2 introspection response. An inactive token answers `{"active": false}` only,
/// so nothing is revealed about tokens that are expired, revoked, foreign or of a disabled account.
public struct IntrospectionResult: Codable, Sendable, Equatable {
    /// Whether the token is currently active.
    public var active: Bool
    /// The granted scope.
    public var scope: String?
    /// The client the token was issued to.
    public var clientID: String?
    /// The local user.
    public var subject: String?
    /// The resource (a single string, as CONF-490 accepts).
    public var audience: String?
    /// `iss`.
    public var issuer: String?
    /// `exp` as a NumericDate.
    public var expiresAt: Int64?
    /// `iat` as a NumericDate.
    public var issuedAt: Int64?
    /// `token_type`: `Bearer`.
    public var tokenType: String?
    /// `jti`.
    public var jti: String?

    /// The answer for an inactive token.
    public static let inactive = IntrospectionResult(active: false)

    /// Creates a response.
    public init(active: Bool) { self.active = active }

    /// The response for an active token with `claims`.
    public init(activeToken claims: AccessTokenClaims) {
        active = true
        scope = claims.scope
        clientID = claims.clientID.rawValue
        subject = claims.subject.rawValue
        audience = claims.audience.rawValue
        issuer = claims.issuer.rawValue
        expiresAt = Int64(claims.expiresAt.timeIntervalSince1970.rounded(.down))
        issuedAt = Int64(claims.issuedAt.timeIntervalSince1970.rounded(.down))
        tokenType = IssuedAccessToken.tokenType
        jti = claims.jti.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case active
        case scope
        case clientID = "client_id"
        case subject = "sub"
        case audience = "aud"
        case issuer = "iss"
        case expiresAt = "exp"
        case issuedAt = "iat"
        case tokenType = "token_type"
        case jti
    }
}

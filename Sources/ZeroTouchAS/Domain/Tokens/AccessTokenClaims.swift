public import Foundation
public import ZeroTouchCore

/// The claims of the access tokens this server issues: an RFC 9068 §2.2 JWT profile, audience-
/// restricted to one resource (EMA-S §5.1), with two correlation claims that lead from a tool call
/// back to the IdP's decision (issue 4, item 4).
public struct AccessTokenClaims: Codable, Sendable, Equatable {
    /// `iss`: this authorization server.
    public var issuer: Issuer
    /// `sub`: the local user (RFC 9068 §2.2; CONF-490 expects the local id).
    public var subject: LocalUserID
    /// `aud`: the resource, a single string.
    public var audience: ResourceIdentifier
    /// `client_id`: the client the token was issued to (RFC 9068 §2.2, RFC 8693 §4.3).
    public var clientID: ClientID
    /// `scope`: the granted scope, absent when empty (RFC 9068 §2.2.3).
    public var scope: String?
    /// `jti`: this token's identifier.
    public var jti: JTI
    /// `iat`.
    public var issuedAt: Date
    /// `exp`.
    public var expiresAt: Date
    /// `idjag_iss`: the IdP that issued the redeemed ID-JAG (private claim, RFC 7519 §4.3).
    public var idJAGIssuer: Issuer
    /// `idjag_jti`: the redeemed ID-JAG's `jti` (private claim, RFC 7519 §4.3).
    public var idJAGJTI: JTI

    /// Creates a claims set.
    public init(
        issuer: Issuer, subject: LocalUserID, audience: ResourceIdentifier, clientID: ClientID, scope: String?, jti: JTI,
        issuedAt: Date, expiresAt: Date, idJAGIssuer: Issuer, idJAGJTI: JTI
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.clientID = clientID
        self.scope = scope
        self.jti = jti
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.idJAGIssuer = idJAGIssuer
        self.idJAGJTI = idJAGJTI
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case audience = "aud"
        case clientID = "client_id"
        case scope
        case jti
        case issuedAt = "iat"
        case expiresAt = "exp"
        case idJAGIssuer = "idjag_iss"
        case idJAGJTI = "idjag_jti"
    }

    /// Reads the claims of a verified token, requiring each member with its type.
    /// - Returns: `nil` when a member is missing or mistyped.
    public init?(_ members: [String: JSONValue]) {
        guard let iss = members["iss"]?.stringValue, let sub = members["sub"]?.stringValue,
            let aud = members["aud"]?.stringOrStringArray, aud.count == 1, let clientID = members["client_id"]?.stringValue,
            let jti = members["jti"]?.stringValue, let iat = members["iat"]?.dateValue, let exp = members["exp"]?.dateValue,
            let idJAGIssuer = members["idjag_iss"]?.stringValue, let idJAGJTI = members["idjag_jti"]?.stringValue
        else { return nil }
        if members["scope"] != nil && members["scope"]?.stringValue == nil { return nil }
        self.init(
            issuer: Issuer(iss), subject: LocalUserID(sub), audience: ResourceIdentifier(aud[0]), clientID: ClientID(clientID),
            scope: members["scope"]?.stringValue, jti: JTI(jti), issuedAt: iat, expiresAt: exp,
            idJAGIssuer: Issuer(idJAGIssuer), idJAGJTI: JTI(idJAGJTI))
    }
}

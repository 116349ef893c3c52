import Foundation
public import ZeroTouchCore

/// An access token just minted, with what the RFC 6749 §5.1 response reports.
public struct IssuedAccessToken: Sendable, Equatable {
    /// The signed JWT.
    public let accessToken: String
    /// Its claims.
    public let claims: AccessTokenClaims
    /// The granted scope (RFC 6749 §5.1 `scope`, ID-JAG §4.4.1 "MUST include the granted scope").
    public let scope: Scope
    /// Seconds until `exp` (RFC 6749 §5.1 `expires_in`).
    public var expiresIn: Int { Int(claims.expiresAt.timeIntervalSince(claims.issuedAt).rounded(.down)) }
    /// The resource the token is for.
    public var resource: ResourceIdentifier { claims.audience }
    /// `token_type`: these tokens are bearer tokens (RFC 6750).
    public static let tokenType = "Bearer"

    /// Creates the record of a minted token.
    public init(accessToken: String, claims: AccessTokenClaims, scope: Scope) {
        self.accessToken = accessToken
        self.claims = claims
        self.scope = scope
    }
}

public import Foundation
public import ZeroTouchCore

/// An access token revoked before it expired (RFC 7009 §2.1), kept until its `exp` so that
/// introspection answers `active: false` for it (RFC 7662 §2.2).
public struct RevokedToken: Codable, Sendable, Equatable {
    /// The access token's `jti`.
    public var jti: JTI
    /// The token's `exp`: after it, the record is useless and is purged.
    public var expiresAt: Date
    /// When it was revoked.
    public var revokedAt: Date

    /// Creates a revocation record.
    public init(jti: JTI, expiresAt: Date, revokedAt: Date) {
        self.jti = jti
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case jti
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
    }
}

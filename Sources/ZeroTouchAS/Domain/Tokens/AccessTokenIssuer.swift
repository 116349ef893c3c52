public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// Mints RFC 9068 access tokens (`typ: at+jwt`, ES256 by default) from verified ID-JAGs: `aud` is
/// the resource (EMA-S §5.1), `sub` the local user, the lifetime the resource's (300 s by default).
/// No refresh token is ever issued (ID-JAG §4.4.3).
///
/// The active signing key is kept for `keyCacheLifetime`, so minting reads the key store at most
/// once a minute rather than per token; a rotation elsewhere is picked up within that minute, and
/// the retiring key stays published meanwhile (RFC 7517 §5).
public actor AccessTokenIssuer {
    /// This server's issuer (`iss`).
    public nonisolated let issuer: Issuer
    /// The signing keys, owner `as`.
    public nonisolated let keyRing: KeyRing
    private let clock: any WallClock
    private var cachedKey: (key: SigningKey, until: Date)?

    /// How long the active key is reused before the store is asked again.
    public static let keyCacheLifetime: TimeInterval = 60

    /// Creates an issuer.
    public init(issuer: Issuer, keyRing: KeyRing, clock: any WallClock) {
        self.issuer = issuer
        self.keyRing = keyRing
        self.clock = clock
    }

    /// Mints the access token for a verified grant.
    /// - Returns: the signed token and its claims.
    /// - Throws: an operational error from the key store or the signer.
    public func issue(for grant: VerifiedIDJAG) async throws -> IssuedAccessToken {
        let now = Date(timeIntervalSince1970: clock.now.timeIntervalSince1970.rounded(.down))
        let claims = AccessTokenClaims(
            issuer: issuer, subject: grant.user.id, audience: grant.resource.identifier, clientID: grant.clientID,
            scope: grant.scope.parameterValue, jti: JTI(UUID().uuidString.lowercased()), issuedAt: now,
            expiresAt: now.addingTimeInterval(grant.resource.accessTokenLifetime.rounded(.down)), idJAGIssuer: grant.issuer,
            idJAGJTI: grant.jti)
        let token = try await activeKey(now: now).sign(claims, type: EnterpriseManagedAuthorization.accessTokenType)
        return IssuedAccessToken(accessToken: token, claims: claims, scope: grant.scope)
    }

    /// Forgets the cached key, e.g. right after this process rotated the keys.
    public func forgetCachedKey() { cachedKey = nil }

    private func activeKey(now: Date) async throws -> SigningKey {
        if let cachedKey, now < cachedKey.until { return cachedKey.key }
        let key = try await keyRing.activeKey(now: now)
        cachedKey = (key, now.addingTimeInterval(Self.keyCacheLifetime))
        return key
    }
}

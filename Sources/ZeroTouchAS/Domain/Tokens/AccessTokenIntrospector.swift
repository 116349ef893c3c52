import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE
public import ZeroTouchOAuth

/// Introspection (RFC 7662) and revocation (RFC 7009) of this server's access tokens.
///
/// A token is active when its signature verifies with one of our published keys, `typ` is
/// `at+jwt`, `iss` is ours, it has not expired, it was not revoked, and its client and local user
/// exist and are enabled (issue 4, item 5).
public struct AccessTokenIntrospector: Sendable {
    /// This server's issuer.
    public let issuer: Issuer
    /// Our signing keys, whose published halves verify our tokens.
    public let keyRing: KeyRing
    /// Clients, users and revocations.
    public let registry: ASRegistry
    /// The time source.
    public let clock: any WallClock

    /// Creates an introspector.
    public init(issuer: Issuer, keyRing: KeyRing, registry: ASRegistry, clock: any WallClock) {
        self.issuer = issuer
        self.keyRing = keyRing
        self.registry = registry
        self.clock = clock
    }

    /// Introspects `token` (RFC 7662 §2.1); the caller has authenticated the requesting client.
    /// - Returns: the claims of an active token, or `IntrospectionResult.inactive`.
    /// - Throws: an operational error from the key store.
    public func introspect(_ token: String) async throws -> IntrospectionResult {
        guard let claims = try await authenticClaims(of: token) else { return .inactive }
        let snapshot = registry.snapshot
        guard claims.expiresAt > clock.now, !snapshot.isRevoked(claims.jti),
            let client = snapshot.clients[claims.clientID], !client.isDisabled,
            let user = snapshot.users[claims.subject], !user.isDisabled
        else { return .inactive }
        return IntrospectionResult(activeToken: claims)
    }

    /// Revokes `token` for `client` (RFC 7009 §2.1). An invalid, expired or unknown token is
    /// answered with success, as §2.2 requires; a token issued to another client is refused.
    /// - Throws: `OAuthErrorResponse` `unauthorized_client` for another client's token; an
    ///   operational error from the stores.
    public func revoke(_ token: String, by client: AuthenticatedClient) async throws {
        guard let claims = try await authenticClaims(of: token), claims.expiresAt > clock.now else { return }
        guard claims.clientID == client.clientID else {
            throw OAuthErrorResponse(.unauthorizedClient, description: "the token was not issued to this client")
        }
        try await registry.revoke(
            claims.jti, expiresAt: claims.expiresAt, clientID: claims.clientID, subject: claims.subject.rawValue,
            actor: client.clientID.rawValue)
    }

    /// The claims of `token` when it is one of ours with a valid signature, whatever its time.
    func authenticClaims(of token: String) async throws -> AccessTokenClaims? {
        let verifier = JWTVerifier(
            expectedType: .accessToken, allowedAlgorithms: Set(JWSAlgorithm.allCases),
            keys: try await keyRing.verificationKeys(now: clock.now))
        guard let verified = try? await verifier.verify(token), let claims = AccessTokenClaims(verified.claims.members),
            claims.issuer == issuer
        else { return nil }
        return claims
    }
}

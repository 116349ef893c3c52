public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// Builds and signs ID-JAGs (ID-JAG §3.1, §4.3.4): explicit type `oauth-id-jag+jwt` (RFC 8725 §3.11,
/// decisions X-13), the active key's `alg` and `kid`, a fresh `jti`, and the catalog entry's lifetime.
public struct IDJAGIssuer: Sendable {
    let keyRing: KeyRing
    let issuer: IssuerBinding

    public init(keyRing: KeyRing, issuer: IssuerBinding) {
        self.keyRing = keyRing
        self.issuer = issuer
    }

    /// Issues an ID-JAG for `user` toward `server`, naming the client by `clientIDAtServer`.
    /// - Parameters:
    ///   - scope: the scope policy granted; omitted from the claims when empty.
    ///   - authentication: the sign-in behind the subject token (`auth_time`, `amr`).
    /// - Throws: the key ring's errors (operational).
    public func issue(
        for user: User, toward server: MCPServer, clientIDAtServer: ClientID, scope: Scope, authentication: AuthenticationContext, now: Date
    ) async throws -> IssuedIDJAG {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let claims = IDJAGClaims(
            issuer: try issuer.issuer(), subject: user.id, audience: server.authorizationServer, clientID: clientIDAtServer,
            resource: server.resource, scope: scope.isEmpty ? nil : scope, jwtID: JTI(OpaqueToken.generate().value),
            issuedAt: issuedAt, expiresAt: issuedAt.addingTimeInterval(TimeInterval(server.idJAGLifetime)),
            authTime: authentication.authenticatedAt, methods: authentication.methods.sorted(),
            email: server.includesEmail ? user.email : nil)
        let token = try await keyRing.sign(claims, type: EnterpriseManagedAuthorization.idJAGType, now: now)
        return IssuedIDJAG(token: token, claims: claims, expiresIn: server.idJAGLifetime)
    }
}

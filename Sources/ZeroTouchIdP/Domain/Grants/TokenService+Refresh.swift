import Foundation
public import ZeroTouchCore
public import ZeroTouchOAuth

extension TokenService {
    /// Rotates a refresh token (RFC 6749 §6, OAuth 2.1 §4.3.1). Order: parameters → the token is the
    /// family's current one (a spent one revokes the family: reuse detection) → same client → family not
    /// expired → the user is active (else the family is revoked) → `scope` within the grant → new tokens
    /// in the same family, with the original sign-in's `auth_time` and `amr`.
    /// - Throws: `TokenGrantRejection`; store and signing errors.
    public func refresh(_ form: URLEncodedForm, for client: AuthenticatedClient) async throws -> OIDCTokenResponse {
        let now = clock.now
        var subject: UserID?
        var family: RefreshFamilyID?
        do {
            let token = try Self.require("refresh_token", in: form)
            let grant = try await rotate(token)
            subject = grant.userID
            family = grant.family
            guard grant.clientID == client.clientID else {
                try await grants.revokeFamily(grant.family, until: grant.expiresAt)
                throw TokenGrantRejection.refreshClientMismatch(grant.clientID)
            }
            guard grant.expiresAt > now else { throw TokenGrantRejection.refreshTokenExpired(grant.family) }
            let user: User
            do {
                user = try activeUser(grant.userID)
            } catch {
                try await grants.revokeFamily(grant.family, until: grant.expiresAt)
                throw error
            }
            let scope = try Self.narrowed(grant.scope, by: form.value("scope"))
            let issued = try await issueTokens(
                for: user, client: client.clientID, scope: scope, authentication: grant.authentication, nonce: nil, family: grant.family,
                familyExpiresAt: grant.expiresAt, now: now)
            try await audit(
                "token.refresh", .success, user: user.id, client: client.clientID, reason: nil, jti: issued.idTokenID,
                details: ["family": grant.family.rawValue])
            return issued.response
        } catch let rejection as TokenGrantRejection {
            try await audit(
                "token.refresh", .failure, user: subject, client: client.clientID, reason: rejection.reasonCode,
                details: family.map { ["family": $0.rawValue] } ?? [:])
            throw rejection
        }
    }

    /// Spends the presented refresh token.
    private func rotate(_ token: String) async throws -> RefreshTokenGrant {
        guard token.utf8.count <= OpaqueToken.maximumLength else { throw TokenGrantRejection.unknownRefreshToken }
        switch try await grants.rotateRefreshToken(TokenHash(of: token)) {
        case .current(let grant): return grant
        case .reused(let grant): throw TokenGrantRejection.refreshTokenReused(grant.family)
        case .revoked(let grant): throw TokenGrantRejection.refreshTokenRevoked(grant.family)
        case .unknown: throw TokenGrantRejection.unknownRefreshToken
        }
    }

    /// The scope of a refresh: the original, or the requested subset of it (RFC 6749 §6).
    private static func narrowed(_ granted: Scope, by requested: String?) throws(TokenGrantRejection) -> Scope {
        guard let requested else { return granted }
        guard let scope = try? Scope(parsing: requested), scope.isSubset(of: granted) else { throw .scopeNotGranted }
        return scope
    }
}

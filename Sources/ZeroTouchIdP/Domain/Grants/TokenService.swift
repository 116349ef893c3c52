public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE
public import ZeroTouchOAuth

/// The `authorization_code` and `refresh_token` grants of `/token` (RFC 6749 §4.1.3, §6; RFC 7636 §4.6;
/// OpenID Connect Core §3.1.3), with refresh-token rotation and reuse detection (OAuth 2.1 §4.3.1).
///
/// Each grant is audited (`token.authorization_code`, `token.refresh`) before the answer.
public struct TokenService: Sendable {
    let registry: IdPRegistry
    let grants: any GrantStore
    let keyRing: KeyRing
    let issuer: IssuerBinding
    let auditLog: any AuditLog
    let clock: any WallClock
    let lifetimes: IdPLifetimes

    public init(
        registry: IdPRegistry, grants: any GrantStore, keyRing: KeyRing, issuer: IssuerBinding, auditLog: any AuditLog, clock: any WallClock,
        lifetimes: IdPLifetimes
    ) {
        self.registry = registry
        self.grants = grants
        self.keyRing = keyRing
        self.issuer = issuer
        self.auditLog = auditLog
        self.clock = clock
        self.lifetimes = lifetimes
    }

    /// Redeems an authorization code. Order: parameters → the code is spent (a second presentation
    /// revokes everything issued for it) → not expired → same client → same `redirect_uri` → PKCE →
    /// the user is active → tokens.
    /// - Throws: `TokenGrantRejection`; store and signing errors.
    public func redeemCode(_ form: URLEncodedForm, for client: AuthenticatedClient) async throws -> OIDCTokenResponse {
        let now = clock.now
        var subject: UserID?
        do {
            let code = try Self.require("code", in: form)
            let redirectURI = try Self.require("redirect_uri", in: form)
            let verifier = try Self.require("code_verifier", in: form)
            let grant = try await spend(code)
            subject = grant.userID
            guard grant.expiresAt > now else { throw TokenGrantRejection.expiredCode }
            guard grant.clientID == client.clientID else { throw TokenGrantRejection.codeClientMismatch(grant.clientID) }
            guard grant.redirectURI == redirectURI else { throw TokenGrantRejection.redirectURIMismatch }
            guard PKCE.verify(verifier, against: grant.codeChallenge) else { throw TokenGrantRejection.pkceVerificationFailed }
            let user = try activeUser(grant.userID)
            let issued = try await issueTokens(
                for: user, client: client.clientID, scope: grant.scope, authentication: grant.authentication, nonce: grant.nonce,
                family: grant.family, familyExpiresAt: now.addingTimeInterval(lifetimes.refreshToken), now: now)
            try await audit("token.authorization_code", .success, user: user.id, client: client.clientID, reason: nil, jti: issued.idTokenID)
            return issued.response
        } catch let rejection as TokenGrantRejection {
            try await audit("token.authorization_code", .failure, user: subject, client: client.clientID, reason: rejection.reasonCode)
            throw rejection
        }
    }

    /// Spends `code`; a reused code revokes its family.
    private func spend(_ code: String) async throws -> AuthorizationCodeGrant {
        guard code.utf8.count <= OpaqueToken.maximumLength else { throw TokenGrantRejection.unknownCode }
        switch try await grants.redeemCode(TokenHash(of: code)) {
        case .redeemed(let grant):
            return grant
        case .reused(let grant):
            try await grants.revokeFamily(grant.family, until: clock.now.addingTimeInterval(lifetimes.refreshToken))
            throw TokenGrantRejection.reusedCode(grant.family)
        case .unknown:
            throw TokenGrantRejection.unknownCode
        }
    }

    /// The user, if still present and active.
    func activeUser(_ id: UserID) throws(TokenGrantRejection) -> User {
        guard let user = registry.snapshot.user(id), user.isActive else { throw .userInactive(id) }
        return user
    }

    /// Tokens issued by one grant, with the ID token's `jti` for the audit trail.
    struct IssuedTokens {
        var response: OIDCTokenResponse
        var idTokenID: JTI
    }

    /// Issues an ID token (ES256, `typ: JWT`), an access token and the family's next refresh token.
    func issueTokens(
        for user: User, client: ClientID, scope: Scope, authentication: AuthenticationContext, nonce: String?, family: RefreshFamilyID,
        familyExpiresAt: Date, now: Date
    ) async throws -> IssuedTokens {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let claims = IDTokenClaims(
            issuer: try issuer.issuer(), subject: user.id, audience: client, expiresAt: issuedAt.addingTimeInterval(lifetimes.idToken),
            issuedAt: issuedAt, authTime: authentication.authenticatedAt, nonce: nonce, methods: authentication.methods.sorted(),
            jwtID: JTI(OpaqueToken.generate().value))
        let idToken = try await keyRing.sign(claims, type: IDTokenClaims.type, now: now)
        let accessToken = OpaqueToken.generate()
        try await grants.saveAccessToken(
            AccessTokenGrant(
                userID: user.id, clientID: client, scope: scope, authentication: authentication,
                expiresAt: now.addingTimeInterval(lifetimes.accessToken), family: family),
            hash: accessToken.hash)
        let refreshToken = OpaqueToken.generate()
        try await grants.saveRefreshToken(
            RefreshTokenGrant(family: family, userID: user.id, clientID: client, scope: scope, authentication: authentication, expiresAt: familyExpiresAt),
            hash: refreshToken.hash)
        let response = OIDCTokenResponse(
            accessToken: accessToken.value, expiresIn: Int(lifetimes.accessToken), refreshToken: refreshToken.value, idToken: idToken,
            scope: scope.description)
        return IssuedTokens(response: response, idTokenID: claims.jwtID)
    }

    static func require(_ name: String, in form: URLEncodedForm) throws(TokenGrantRejection) -> String {
        guard let value = form.value(name) else { throw .missingParameter(name) }
        return value
    }

    /// Appends a token-grant record durably; never a token, only the ID token's `jti`.
    func audit(
        _ event: String, _ outcome: AuditOutcome, user: UserID?, client: ClientID, reason: String?, jti: JTI? = nil, details: [String: String] = [:]
    ) async throws {
        try await auditLog.append(
            AuditRecord(
                time: clock.now, service: IdPRegistry.auditService, event: event, outcome: outcome, actor: client.rawValue,
                subject: user?.rawValue, clientID: client.rawValue, jti: jti?.rawValue, reason: reason, details: details))
    }
}

public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// Checks `private_key_jwt` client assertions (RFC 7523 §2.2 and §3, OpenID Connect Core §9).
///
/// Order, first failure wins: parse (16 KiB cap) → `typ` is absent, `JWT` or
/// `client-authentication+jwt` (an ID-JAG or access token is never a client assertion) → `iss`
/// and `sub` are both the client id, equal to `client_id` when sent → the client is registered →
/// signature with the client's registered keys (inline JWKS or its `jwks_uri`) and the algorithm
/// allow-list → `aud` names this server's issuer or token endpoint → `exp` present, not expired,
/// lifetime at most `maximumLifetime` → `jti` present and never seen before (recorded last).
public struct PrivateKeyJWTValidator: ClientAssertionValidator {
    /// The accepted `typ` values besides none at all.
    static let acceptedTypes = [JOSETypeExpectation.absentOr("JWT"), .exactly("client-authentication+jwt")]

    private let audiences: Set<String>
    private let replayLedger: any ReplayLedger
    private let jwksCache: JWKSCache?
    private let clock: any WallClock
    private let allowedAlgorithms: Set<JWSAlgorithm>
    private let maximumLifetime: TimeInterval
    private let leeway: TimeInterval

    /// - Parameters:
    ///   - audiences: the values `aud` may hold: this server's issuer and its token endpoint URL.
    ///   - replayLedger: remembers `jti` values until the assertion expires.
    ///   - jwksCache: fetches keys of clients registered with a `jwks_uri`; without it only inline keys work.
    ///   - clock: the time source.
    ///   - allowedAlgorithms: the algorithm allow-list.
    ///   - maximumLifetime: the longest accepted `exp - iat` (and `exp - now`), 5 minutes by default.
    ///   - leeway: clock skew tolerated on `exp`, `nbf` and `iat`.
    public init(
        audiences: Set<String>, replayLedger: any ReplayLedger, jwksCache: JWKSCache? = nil, clock: any WallClock = SystemClock(),
        allowedAlgorithms: Set<JWSAlgorithm> = JWSAlgorithm.standardAllowList, maximumLifetime: TimeInterval = 300,
        leeway: TimeInterval = JWTTimeRules.defaultLeeway
    ) {
        self.audiences = audiences
        self.replayLedger = replayLedger
        self.jwksCache = jwksCache
        self.clock = clock
        self.allowedAlgorithms = allowedAlgorithms
        self.maximumLifetime = maximumLifetime
        self.leeway = leeway
    }

    public func validate(_ assertion: String, claimedClientID: ClientID?, registry: any ClientCredentialsProvider) async throws -> ClientCredentials {
        let unverified: UnverifiedJWT
        do { unverified = try UnverifiedJWT(compact: assertion) } catch { throw reject(claimedClientID, error.description) }
        guard Self.acceptedTypes.contains(where: { $0.accepts(unverified.header.type) }) else {
            throw reject(claimedClientID, "typ is not a client assertion type")
        }
        let clientID = try self.clientID(of: unverified.unverifiedClaims, claimed: claimedClientID)
        guard let credentials = try await registry.credentials(for: clientID) else {
            throw ClientAuthenticationRejection.unknownClient(clientID)
        }
        let verified = try await verify(unverified, of: credentials)
        try checkAudience(verified.claims, clientID)
        let expiration = try checkTime(verified.claims, clientID)
        try await recordJTI(verified.claims, clientID, expiration: expiration)
        return credentials
    }

    private func reject(_ clientID: ClientID?, _ reason: String) -> ClientAuthenticationRejection {
        .invalidAssertion(clientID, reason: reason)
    }

    /// RFC 7523 §3 items 1–2: `iss` and `sub` are the client id.
    private func clientID(of claims: JWTClaims, claimed: ClientID?) throws -> ClientID {
        guard let issuer = try? claims.string("iss"), let subject = try? claims.string("sub"), !subject.isEmpty else {
            throw reject(claimed, "iss and sub must be the client_id")
        }
        guard issuer == subject else { throw reject(claimed, "iss and sub must be the client_id") }
        let clientID = ClientID(subject)
        if let claimed, claimed != clientID { throw reject(claimed, "sub does not match client_id") }
        return clientID
    }

    private func verify(_ unverified: UnverifiedJWT, of credentials: ClientCredentials) async throws -> VerifiedJWT {
        let keys: any VerificationKeySource
        if let jwks = credentials.jwks {
            guard let parsed = ParsedJWKS(json: Data(jwks.utf8)) else { throw reject(credentials.clientID, "the client's registered keys are unusable") }
            keys = VerificationKeySet(parsed.keys)
        } else if let uri = credentials.jwksURI, let jwksCache {
            keys = jwksCache.keySource(for: Issuer("client:" + credentials.clientID.rawValue), at: .jwksURI(uri))
        } else {
            throw reject(credentials.clientID, "the client has no registered keys")
        }
        // The typ was checked against every accepted form already; verify with the one it matched.
        let matched = Self.acceptedTypes.first { $0.accepts(unverified.header.type) } ?? .absentOr("JWT")
        do {
            return try await JWTVerifier(expectedType: matched, allowedAlgorithms: allowedAlgorithms, keys: keys).verify(unverified)
        } catch {
            throw reject(credentials.clientID, error.description)
        }
    }

    /// RFC 7523 §3 item 3: `aud` identifies this authorization server.
    private func checkAudience(_ claims: JWTClaims, _ clientID: ClientID) throws {
        guard let audience = try? claims.audience, audience.contains(where: audiences.contains) else {
            throw reject(clientID, "aud must be this server's issuer or token endpoint")
        }
    }

    /// RFC 7523 §3 items 4–6: `exp` required, short-lived, `nbf`/`iat` sane.
    private func checkTime(_ claims: JWTClaims, _ clientID: ClientID) throws -> Date {
        let now = clock.now
        do {
            try JWTTimeRules(now: now, leeway: leeway, requiresExpiration: true, maximumLifetime: maximumLifetime).check(claims)
        } catch {
            throw reject(clientID, error.description)
        }
        guard let expiration = try? claims.expiration else { throw reject(clientID, "exp is required") }
        guard expiration.timeIntervalSince(now) <= maximumLifetime + leeway else {
            throw reject(clientID, "exp is too far in the future")
        }
        return expiration
    }

    /// RFC 7523 §3 item 7: the `jti` is single-use, remembered until the assertion expires.
    private func recordJTI(_ claims: JWTClaims, _ clientID: ClientID, expiration: Date) async throws {
        guard let jti = try? claims.jwtID, !jti.rawValue.isEmpty else { throw reject(clientID, "jti is required") }
        let recorded = try await replayLedger.recordOnce(
            jti.rawValue, namespace: "client-assertion:" + clientID.rawValue, expiresAt: expiration + leeway, now: clock.now)
        guard recorded else { throw ClientAuthenticationRejection.replayedAssertion(clientID) }
    }
}

public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// Checks that a `subject_token` is an ID token this IdP issued to `client`, unexpired (checklist I-5).
///
/// Order, first failure wins:
/// 1. cache lookup by hash; on a miss: size cap and parse → `typ: JWT` → `alg` (ES256, EdDSA, RS256,
///    PS256; never `none` or HMAC) → key by `kid` among *our* published keys (a retired key stays
///    published until every token it signed has expired) → signature → our claims present and typed →
///    `iss` is this IdP; the result is cached until `exp`;
/// 2. `exp` (no leeway: we issued it, on the same clock) and `iat` not in the future;
/// 3. `aud` is exactly the authenticated client.
///
/// The user's status is the caller's next step (`TokenExchange`), against the current snapshot.
public struct IDTokenVerifier: Sendable {
    let keyRing: KeyRing
    let issuer: IssuerBinding
    let cache: VerifiedIDTokenCache

    public init(keyRing: KeyRing, issuer: IssuerBinding, cache: VerifiedIDTokenCache = VerifiedIDTokenCache()) {
        self.keyRing = keyRing
        self.issuer = issuer
        self.cache = cache
    }

    /// Verifies `compact` for `client` at `now`.
    /// - Throws: `SubjectTokenFailure`; the key store's errors (operational: a 500).
    public func verify(_ compact: String, for client: ClientID, now: Date) async throws -> IDTokenClaims {
        let hash = TokenHash(of: compact)
        let claims: IDTokenClaims
        if let cached = cache.claims(for: hash, now: now) {
            claims = cached
        } else {
            claims = try await verifySignatureAndIssuer(compact, now: now)
            cache.insert(claims, for: hash, now: now)
        }
        try Self.checkTime(claims, now: now)
        guard claims.audience == client else { throw SubjectTokenFailure.audienceMismatch(actual: [claims.audience.rawValue]) }
        return claims
    }

    private func verifySignatureAndIssuer(_ compact: String, now: Date) async throws -> IDTokenClaims {
        let keys = try await keyRing.verificationKeys(now: now)
        let verifier = JWTVerifier(expectedType: .exactly(IDTokenClaims.type), allowedAlgorithms: JWSAlgorithm.standardAllowList, keys: keys)
        let verified: VerifiedJWT
        do {
            verified = try await verifier.verify(compact)
        } catch {
            throw SubjectTokenFailure.jose(error)
        }
        let claims = try IDTokenClaims(verified: verified.claims)
        let expected = try issuer.issuer()
        guard claims.issuer == expected else { throw SubjectTokenFailure.wrongIssuer(claims.issuer.rawValue) }
        return claims
    }

    /// `exp` strictly after now; `iat` not after now (RFC 7519 §4.1.4, §4.1.6).
    private static func checkTime(_ claims: IDTokenClaims, now: Date) throws(SubjectTokenFailure) {
        guard now < claims.expiresAt else { throw .jose(.expired(exp: claims.expiresAt, now: now)) }
        guard claims.issuedAt <= now.addingTimeInterval(JWTTimeRules.defaultLeeway) else {
            throw .jose(.issuedInFuture(iat: claims.issuedAt, now: now))
        }
    }
}

public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// The claim checks of an access token for one resource at one instant (RFC 9068 §4 steps 3–7,
/// RFC 7662 §2.2), shared by the JWT verifier and the introspection verifier: an introspection
/// response carries the same member names as an RFC 9068 claims set.
///
/// Each check is one function with one typed failure; `identity(from:)` runs them in a fixed
/// order — `iss` → `aud` → `exp`/`nbf`/`iat` → required claims → `scope` — and the first failure wins.
public struct AccessTokenRules: Sendable {
    /// The authorization server whose tokens this resource accepts.
    public var expectedIssuer: Issuer
    /// This resource: `aud` must be exactly this value.
    public var resource: ResourceIdentifier
    /// The instant to check against, read from a `WallClock` by the caller.
    public var now: Date
    /// Clock-skew allowance on `exp`, `nbf`, `iat` (decisions.md "Clock skew": 60 s).
    public var leeway: TimeInterval
    /// Whether `iss`, `jti` and `iat` are required: true for RFC 9068 JWTs (§2.2), false for an
    /// introspection response, where RFC 7662 §2.2 makes them optional.
    public var requiresJWTProfileClaims: Bool

    /// Creates the rules for one check.
    public init(
        expectedIssuer: Issuer, resource: ResourceIdentifier, now: Date, leeway: TimeInterval = JWTTimeRules.defaultLeeway,
        requiresJWTProfileClaims: Bool = true
    ) {
        self.expectedIssuer = expectedIssuer
        self.resource = resource
        self.now = now
        self.leeway = leeway
        self.requiresJWTProfileClaims = requiresJWTProfileClaims
    }

    /// Runs every check in order and returns the identity.
    /// - Throws: `AccessTokenRejection`, for the first check that fails.
    public func identity(from claims: JWTClaims) throws(AccessTokenRejection) -> VerifiedAccessToken {
        let issuer = try checkIssuer(claims)
        try checkAudience(claims)
        try checkTime(claims)
        guard let subject = try string(claims, "sub") else { throw .missingClaim(name: "sub") }
        guard let clientID = try string(claims, "client_id") else { throw .missingClaim(name: "client_id") }
        let jti = try string(claims, "jti")
        if requiresJWTProfileClaims, jti == nil { throw .missingClaim(name: "jti") }
        let issuedAt = try date(claims, "iat")
        if requiresJWTProfileClaims, issuedAt == nil { throw .missingClaim(name: "iat") }
        guard let expiresAt = try date(claims, "exp") else { throw .missingClaim(name: "exp") }
        return VerifiedAccessToken(
            issuer: issuer, subject: Subject(subject), clientID: ClientID(clientID), scope: try checkScope(claims),
            jti: jti.map(JTI.init), audience: resource, expiresAt: expiresAt, issuedAt: issuedAt,
            idJAGIssuer: try string(claims, "idjag_iss").map(Issuer.init), idJAGJTI: try string(claims, "idjag_jti").map(JTI.init))
    }

    /// Requires `iss` to equal the configured authorization server exactly (RFC 9068 §4 step 3).
    /// An introspection response without `iss` came from that server's own endpoint and passes.
    /// - Throws: `AccessTokenRejection.untrustedIssuer`, `.invalidClaim`.
    public func checkIssuer(_ claims: JWTClaims) throws(AccessTokenRejection) -> Issuer {
        guard let issuer = try string(claims, "iss") else {
            if requiresJWTProfileClaims { throw .untrustedIssuer(expected: expectedIssuer, actual: nil) }
            return expectedIssuer
        }
        guard issuer == expectedIssuer.rawValue else { throw .untrustedIssuer(expected: expectedIssuer, actual: issuer) }
        return expectedIssuer
    }

    /// Requires `aud` to be exactly this resource: a string, or an array of one string (RFC 9068
    /// §4 step 4, RFC 8707 §2; one element only, as EMA-S §7.6 asks against audience injection).
    /// - Throws: `AccessTokenRejection.audienceMismatch`, `.invalidClaim`.
    public func checkAudience(_ claims: JWTClaims) throws(AccessTokenRejection) {
        let audience: [String]
        do { audience = try claims.audience ?? [] } catch { throw .invalidClaim(name: "aud") }
        guard audience == [resource.rawValue] else { throw .audienceMismatch(expected: resource, actual: audience) }
    }

    /// `exp` (required), `nbf` and `iat` with the leeway (RFC 9068 §4 step 6, RFC 7519 §4.1.4–6).
    /// - Throws: `AccessTokenRejection.jose` with `.expired`, `.notYetValid`, `.issuedInFuture`,
    ///   `.missingClaim("exp")` or `.invalidClaim`.
    public func checkTime(_ claims: JWTClaims) throws(AccessTokenRejection) {
        do {
            try JWTTimeRules(now: now, leeway: leeway).check(claims)
        } catch {
            throw .jose(error)
        }
    }

    /// Parses `scope` with the RFC 6749 §3.3 grammar; absent means no scope.
    /// - Throws: `AccessTokenRejection.invalidClaim("scope")`.
    public func checkScope(_ claims: JWTClaims) throws(AccessTokenRejection) -> Scope {
        guard let value = try string(claims, "scope") else { return [] }
        do { return try Scope(parsing: value) } catch { throw .invalidClaim(name: "scope") }
    }

    private func string(_ claims: JWTClaims, _ name: String) throws(AccessTokenRejection) -> String? {
        do { return try claims.string(name) } catch { throw .invalidClaim(name: name) }
    }

    private func date(_ claims: JWTClaims, _ name: String) throws(AccessTokenRejection) -> Date? {
        do { return try claims.numericDate(name) } catch { throw .invalidClaim(name: name) }
    }
}

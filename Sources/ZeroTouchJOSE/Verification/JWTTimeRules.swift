public import Foundation

/// The time checks of a JWT (RFC 7519 §4.1.4–4.1.6, RFC 7523 §3 items 4–6), as a small rules value
/// holding the instant to check against, so the checks themselves never read a clock.
///
/// Run them on `VerifiedJWT.claims`: before the signature is checked, a passing time check means
/// nothing. Each check is its own function with one typed rejection; `check(_:)` runs them in the
/// order `exp` → `nbf` → `iat` → lifetime.
public struct JWTTimeRules: Sendable, Hashable {
    /// The default clock-skew allowance: 60 s (decisions.md "Clock skew").
    public static let defaultLeeway: TimeInterval = 60

    /// The instant to check against, read from a `WallClock` by the caller.
    public var now: Date
    /// How much clock skew to forgive on `exp`, `nbf` and `iat`.
    public var leeway: TimeInterval
    /// Whether a token without `exp` is refused. On by default: a token that never expires is a
    /// standing credential.
    public var requiresExpiration: Bool
    /// The longest lifetime accepted, if any: `exp - iat`, or `exp - now` when `iat` is absent.
    public var maximumLifetime: TimeInterval?

    /// Creates the rules for one check.
    public init(now: Date, leeway: TimeInterval = JWTTimeRules.defaultLeeway, requiresExpiration: Bool = true, maximumLifetime: TimeInterval? = nil) {
        self.now = now
        self.leeway = leeway
        self.requiresExpiration = requiresExpiration
        self.maximumLifetime = maximumLifetime
    }

    /// Runs every time check in order; the first failure wins.
    /// - Throws: `JOSERejection.missingClaim`, `.invalidClaim`, `.expired`, `.notYetValid`,
    ///   `.issuedInFuture`, `.lifetimeTooLong`.
    public func check(_ claims: JWTClaims) throws(JOSERejection) {
        try checkExpiration(claims)
        try checkNotBefore(claims)
        try checkIssuedAt(claims)
        try checkLifetime(claims)
    }

    /// "The current date/time MUST be before the expiration date/time", give or take the leeway
    /// (RFC 7519 §4.1.4, RFC 7523 §3 item 4).
    /// - Throws: `JOSERejection.missingClaim("exp")` when required, `.invalidClaim`, `.expired`.
    public func checkExpiration(_ claims: JWTClaims) throws(JOSERejection) {
        guard let exp = try claims.expiration else {
            if requiresExpiration { throw .missingClaim(name: "exp") }
            return
        }
        guard now < exp.addingTimeInterval(leeway) else { throw .expired(exp: exp, now: now) }
    }

    /// "The current date/time MUST be after or equal to the not-before date/time", give or take the
    /// leeway (RFC 7519 §4.1.5, RFC 7523 §3 item 5).
    /// - Throws: `JOSERejection.invalidClaim`, `.notYetValid`.
    public func checkNotBefore(_ claims: JWTClaims) throws(JOSERejection) {
        guard let nbf = try claims.notBefore else { return }
        guard nbf.addingTimeInterval(-leeway) <= now else { throw .notYetValid(nbf: nbf, now: now) }
    }

    /// Refuses a token issued further in the future than the leeway (decisions.md "Clock skew";
    /// RFC 7523 §3 item 6 lets the receiver judge `iat`).
    /// - Throws: `JOSERejection.invalidClaim`, `.issuedInFuture`.
    public func checkIssuedAt(_ claims: JWTClaims) throws(JOSERejection) {
        guard let iat = try claims.issuedAt else { return }
        guard iat.addingTimeInterval(-leeway) <= now else { throw .issuedInFuture(iat: iat, now: now) }
    }

    /// Refuses a token that lives longer than `maximumLifetime` (ID-JAG: 600 s, decisions.md
    /// "Lifetimes"). Measured from `iat`, or from `now` when the token has no `iat`.
    /// - Throws: `JOSERejection.invalidClaim`, `.lifetimeTooLong`.
    public func checkLifetime(_ claims: JWTClaims) throws(JOSERejection) {
        guard let maximumLifetime, let exp = try claims.expiration else { return }
        let start = try claims.issuedAt ?? now
        let lifetime = exp.timeIntervalSince(start)
        guard lifetime <= maximumLifetime else { throw .lifetimeTooLong(lifetime: lifetime, maximum: maximumLifetime) }
    }
}

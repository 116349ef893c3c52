import Foundation
public import ZeroTouchCore

/// The claim checks: presence and types, audience, client binding, time window and lifetime
/// (ID-JAG §3.1, §4.4.1; RFC 7523 §3 items 3–6).
extension IDJAGRules {
    /// Claims every ID-JAG carries (ID-JAG §3.1; EMA-S §7.4.1 names `sub` too).
    public static let requiredClaims = ["iss", "sub", "aud", "client_id", "jti", "exp", "iat"]
    /// The longest `sub`, `client_id`, `jti` or `tenant` accepted.
    public static let maximumIdentifierBytes = 255
    /// The longest `resource` or `scope` accepted.
    public static let maximumValueBytes = 2048

    /// Step 8: requires the claims of ID-JAG §3.1 to be present, each with its JSON type, and the
    /// optional ones (`nbf`, `resource`, `scope`, `tenant`) to have their type when present.
    /// - Throws: `IDJAGRejection.missingClaim` or `.invalidClaim`.
    public func checkRequiredClaims(_ claims: [String: JSONValue]) throws(IDJAGRejection) {
        for name in Self.requiredClaims where claims[name] == nil { throw .missingClaim(name) }
        for name in ["iss", "sub", "client_id", "jti"] {
            try Self.checkIdentifier(claims, name, maximum: name == "iss" ? Self.maximumValueBytes : Self.maximumIdentifierBytes)
        }
        guard let audience = claims["aud"]?.stringOrStringArray, !audience.isEmpty else { throw .invalidClaim("aud") }
        for name in ["exp", "iat", "nbf"] where claims[name] != nil && claims[name]?.dateValue == nil {
            throw .invalidClaim(name)
        }
        for name in ["resource", "scope"] where claims[name] != nil {
            guard let value = claims[name]?.stringValue, value.utf8.count <= Self.maximumValueBytes else { throw .invalidClaim(name) }
        }
        if claims["tenant"] != nil { try Self.checkIdentifier(claims, "tenant", maximum: Self.maximumIdentifierBytes) }
        for name in Self.unsupportedClaims where claims[name] != nil { throw .unsupportedClaim(name) }
    }

    /// Claims that ask for processing this server does not offer: `cnf` (ID-JAG §8.6.1.2: without a
    /// DPoP proof the RAS MUST reject) and `authorization_details` (ID-JAG §4.4.1: MUST be processed
    /// per RFC 9396).
    public static let unsupportedClaims = ["cnf", "authorization_details"]

    /// Step 9: requires `aud` to be exactly this server's issuer, as a string or an array of exactly
    /// one element, which prevents audience injection (ID-JAG §4.4.1, EMA-S §7.6.2, RFC 7523 §3 item 3).
    /// - Throws: `IDJAGRejection.audienceMismatch`.
    public func checkAudience(_ claims: [String: JSONValue]) throws(IDJAGRejection) {
        let audience = claims["aud"]?.stringOrStringArray ?? []
        guard audience == [expectedAudience.rawValue] else { throw .audienceMismatch(expected: expectedAudience, actual: audience) }
    }

    /// Step 10: requires `client_id` to identify the client that authenticated (ID-JAG §4.4.1 MUST).
    /// - Throws: `IDJAGRejection.clientMismatch`.
    public func checkClient(_ claims: [String: JSONValue]) throws(IDJAGRejection) {
        let presented = claims["client_id"]?.stringValue ?? ""
        guard presented == client.rawValue else { throw .clientMismatch(expected: client, actual: presented) }
    }

    /// Step 12: requires the time window to hold with `leeway` on each side: `exp` not passed
    /// (RFC 7523 §3 item 4), `nbf` not ahead (item 5) and `iat` not in the future (item 6,
    /// decisions "Clock skew").
    /// - Throws: `IDJAGRejection.expired`, `.notYetValid` or `.issuedInFuture`.
    public func checkTimes(_ claims: [String: JSONValue]) throws(IDJAGRejection) {
        guard let exp = claims["exp"]?.dateValue else { throw .invalidClaim("exp") }
        guard now < exp.addingTimeInterval(leeway) else { throw .expired(exp: exp, now: now) }
        if let nbf = claims["nbf"]?.dateValue, nbf.addingTimeInterval(-leeway) > now { throw .notYetValid(nbf: nbf, now: now) }
        guard let iat = claims["iat"]?.dateValue else { throw .invalidClaim("iat") }
        guard iat.addingTimeInterval(-leeway) <= now else { throw .issuedInFuture(iat: iat, now: now) }
    }

    /// Step 13: requires `exp − iat` to be within the issuer's maximum assertion lifetime
    /// (EMA-S §7.4.2: ID-JAGs are short-lived; decisions "Lifetimes": at most 600 s).
    /// - Throws: `IDJAGRejection.lifetimeTooLong`.
    public func checkLifetime(_ claims: [String: JSONValue], trust: TrustedIssuer) throws(IDJAGRejection) {
        guard let exp = claims["exp"]?.dateValue, let iat = claims["iat"]?.dateValue else { throw .invalidClaim("exp") }
        let lifetime = exp.timeIntervalSince(iat)
        let maximum = min(trust.maximumAssertionLifetime, TrustedIssuer.defaultMaximumAssertionLifetime)
        guard lifetime <= maximum else { throw .lifetimeTooLong(lifetime: lifetime, maximum: maximum) }
    }

    private static func checkIdentifier(_ claims: [String: JSONValue], _ name: String, maximum: Int) throws(IDJAGRejection) {
        guard let value = claims[name]?.stringValue, !value.isEmpty, value.utf8.count <= maximum else { throw .invalidClaim(name) }
    }
}

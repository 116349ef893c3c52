public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// Why an ID-JAG presented to the jwt-bearer grant was refused: one case per check of
/// `IDJAGVerifier`, in the order they run (RFC 7523 §3, RFC 7521 §5.2, ID-JAG §4.4.1, EMA-S §7.4–§7.6).
///
/// Every case is an expected failure caused by the presenter or its IdP; our own faults (the store
/// is down) are thrown as other errors and become `server_error`. The wire form lives in
/// `IDJAGRejection+OAuthError.swift`; `description` is the log line and names `iss`, `kid`,
/// `client_id` and `jti`, never the assertion.
public enum IDJAGRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1. The assertion is larger than the cap; nothing was decoded (EMA `EMA_MAX_JWT_BYTES`).
    case oversized(bytes: Int, limit: Int)
    /// 2. Not a compact JWS with JSON header and payload (RFC 7523 §3.1, RFC 7515 §7.1).
    case malformed(JOSERejection)
    /// 3. `typ` is not `oauth-id-jag+jwt` (ID-JAG §4.4.1, RFC 8725 §3.11, decisions X-13).
    case wrongType(String?)
    /// 4. `alg` is not on the allow-list of the claimed issuer (EMA-S §7.4.1, RFC 8725 §3.1).
    case algorithmNotAllowed(algorithm: String, issuer: String?)
    /// 5. `iss` is absent or names no trusted IdP (RFC 7521 §4.1.1; CONF-490 scenario 8).
    case untrustedIssuer(String?)
    /// 6. No key of the issuer has the token's `kid`, even after one refresh (CONF-490 scenario 7).
    case unknownKey(issuer: Issuer, keyID: KeyID?)
    /// 6. The token has no `kid` and several keys fit its `alg`.
    case ambiguousKey(issuer: Issuer, candidates: Int)
    /// 6. The key with that `kid` cannot verify the token's algorithm.
    case unsuitableKey(issuer: Issuer, keyID: KeyID?)
    /// 6. The issuer's keys could not be fetched and no unexpired copy is cached: fail closed.
    case keysUnavailable(issuer: Issuer, reason: String)
    /// 7. The signature does not verify (RFC 7523 §3 item 9).
    case badSignature(issuer: Issuer, keyID: KeyID?)
    /// 8. A required claim (`iss`, `sub`, `aud`, `client_id`, `jti`, `exp`, `iat`) is absent (ID-JAG §3.1).
    case missingClaim(String)
    /// 8. A claim has the wrong JSON type or an unacceptable form.
    case invalidClaim(String)
    /// 8. The ID-JAG carries `cnf` (DPoP binding, ID-JAG §8.6.1.2) or `authorization_details`
    /// (RFC 9396), which this server cannot honour; ignoring them would widen the grant, so it is refused.
    case unsupportedClaim(String)
    /// 9. `aud` is not exactly this server's issuer, as a string or a one-element array (ID-JAG §4.4.1).
    case audienceMismatch(expected: Issuer, actual: [String])
    /// 10. `client_id` is not the authenticated client (ID-JAG §4.4.1).
    case clientMismatch(expected: ClientID, actual: String)
    /// 11. No `resource` claim, and the client has no single resource it could be bound to (decisions X-3).
    case resourceRequired(client: ClientID, strictEMA: Bool)
    /// 11. `resource` names no resource this server serves (RFC 8707 §2, EMA-S §7.6.2, decisions X-1).
    case unknownResource(ResourceIdentifier, strictEMA: Bool)
    /// 11. `resource` is served here but the client may not obtain tokens for it (EMA-S §7.6).
    case resourceNotAllowed(ResourceIdentifier, client: ClientID, strictEMA: Bool)
    /// 11. The request's `resource` parameter differs from the ID-JAG's resource (decisions X-8).
    case resourceMismatch(requested: ResourceIdentifier, asserted: ResourceIdentifier)
    /// 12. `exp` plus leeway has passed (RFC 7523 §3 item 4).
    case expired(exp: Date, now: Date)
    /// 12. `nbf` minus leeway is still ahead (RFC 7523 §3 item 5).
    case notYetValid(nbf: Date, now: Date)
    /// 12. `iat` is further in the future than the leeway (RFC 7523 §3 item 6, decisions "Clock skew").
    case issuedInFuture(iat: Date, now: Date)
    /// 13. `exp − iat` exceeds the issuer's maximum assertion lifetime (EMA-S §7.4.2 "short-lived").
    case lifetimeTooLong(lifetime: TimeInterval, maximum: TimeInterval)
    /// 14. `scope` is not an RFC 6749 §3.3 scope string.
    case malformedScope
    /// 14. The ID-JAG's `scope` has tokens not registered for the resource (EMA-S §7.6.2, decisions X-1).
    case unregisteredScope(Scope, resource: ResourceIdentifier, strictEMA: Bool)
    /// 14. The request's `scope` shares nothing with the ID-JAG's scope (decisions X-5).
    case scopeNotGranted(requested: Scope)
    /// 15. The issuer is trusted for one tenant and the ID-JAG names another or none (ID-JAG §6).
    case tenantMismatch(expected: String, actual: String?)
    /// 16. The subject is not linked to a local account and the issuer requires pre-linked users.
    case userNotLinked(LinkedIdentity)
    /// 16. The subject's local account is disabled.
    case userDisabled(LocalUserID)
    /// 17. The `jti` was already redeemed (EMA-S §7.4.2, decisions X-2).
    case replayed(issuer: Issuer, jti: JTI)

    /// The log line: identifiers only, never the assertion or a key.
    public var description: String {
        switch self {
        case .oversized(let bytes, let limit): "assertion of \(bytes) bytes exceeds \(limit)"
        case .malformed(let reason): "malformed assertion: \(reason)"
        case .wrongType(let type): "assertion typ \(Self.quoted(type)) is not \(EnterpriseManagedAuthorization.idJAGType)"
        case .algorithmNotAllowed(let alg, let issuer): "alg \(Self.quoted(alg)) not allowed for issuer \(Self.quoted(issuer))"
        case .untrustedIssuer(let issuer): "untrusted issuer \(Self.quoted(issuer))"
        case .unknownKey(let issuer, let kid): "issuer \(issuer) has no key \(Self.quoted(kid?.rawValue))"
        case .ambiguousKey(let issuer, let count): "assertion without kid matches \(count) keys of \(issuer)"
        case .unsuitableKey(let issuer, let kid): "key \(Self.quoted(kid?.rawValue)) of \(issuer) cannot verify the assertion's alg"
        case .keysUnavailable(let issuer, let reason): "keys of \(issuer) unavailable: \(reason)"
        case .badSignature(let issuer, let kid): "bad signature (issuer \(issuer), kid \(Self.quoted(kid?.rawValue)))"
        case .missingClaim(let name): "claim \(name) missing"
        case .invalidClaim(let name): "claim \(name) invalid"
        case .unsupportedClaim(let name): "claim \(name) not supported"
        case .audienceMismatch(let expected, let actual): "aud [\(actual.map { Self.quoted($0) }.joined(separator: ", "))] is not \(expected)"
        case .clientMismatch(let expected, let actual): "client_id \(Self.quoted(actual)) is not the authenticated client \(expected)"
        case .resourceRequired(let client, _): "no resource claim and client \(client) has no single resource"
        case .unknownResource(let resource, _): "unknown resource \(Self.quoted(resource.rawValue))"
        case .resourceNotAllowed(let resource, let client, _): "client \(client) not allowed resource \(resource)"
        case .resourceMismatch(let requested, let asserted): "requested resource \(Self.quoted(requested.rawValue)) is not the asserted \(asserted)"
        case .expired(let exp, let now): "expired at \(Self.seconds(exp)), now \(Self.seconds(now))"
        case .notYetValid(let nbf, let now): "not valid before \(Self.seconds(nbf)), now \(Self.seconds(now))"
        case .issuedInFuture(let iat, let now): "issued at \(Self.seconds(iat)), in the future of \(Self.seconds(now))"
        case .lifetimeTooLong(let lifetime, let maximum): "lifetime \(Int(lifetime)) s exceeds \(Int(maximum)) s"
        case .malformedScope: "scope claim is not an RFC 6749 scope"
        case .unregisteredScope(let scope, let resource, _): "scope \(Self.quoted(scope.description)) not registered for \(resource)"
        case .scopeNotGranted(let requested): "requested scope \(Self.quoted(requested.description)) not in the ID-JAG scope"
        case .tenantMismatch(let expected, let actual): "tenant \(Self.quoted(actual)) is not \(expected)"
        case .userNotLinked(let identity): "subject \(identity) is not linked to a local user"
        case .userDisabled(let user): "local user \(user) is disabled"
        case .replayed(let issuer, let jti): "jti \(Self.quoted(jti.rawValue)) of \(issuer) replayed"
        }
    }

    /// Sender-chosen text, quoted, cut to 80 characters, control characters replaced, so a hostile
    /// claim cannot forge or flood log lines.
    static func quoted(_ text: String?) -> String {
        guard let text else { return "(absent)" }
        let scalars = text.unicodeScalars.prefix(80).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }
        return "'" + String(String.UnicodeScalarView(scalars)) + (text.unicodeScalars.count > 80 ? "…'" : "'")
    }

    private static func seconds(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970.rounded(.down))) }
}

public import Foundation
public import ZeroTouchCore

/// Why a JWT was refused: one closed list for parsing, typing, algorithm, key selection,
/// signature and time checks (RFC 7515, RFC 7519 §7.2, RFC 8725).
///
/// Every case is an expected failure caused by the token or by its issuer, never by us. The roles
/// map cases to OAuth codes in their own exhaustive switches (`invalid_grant` at the
/// authorization server, `invalid_client` for a client assertion, `invalid_token` at a resource
/// server). `description` is safe to log and to show: it names the `kid`, `alg`, issuer or claim,
/// never the token, a claim value that could be personal, or key material.
public enum JOSERejection: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Parsing (RFC 7515 §5.2, RFC 7519 §7.2)

    /// The serialized token exceeds the size cap; nothing was decoded.
    case tokenTooLarge(bytes: Int, limit: Int)
    /// Five parts: a JWE (RFC 7516 §7.1). ZeroTouch accepts signed tokens only.
    case encryptedToken
    /// Not three dot-separated parts (RFC 7515 §7.1).
    case malformedCompactSerialization(parts: Int)
    /// A part is not canonical unpadded base64url (RFC 7515 §2).
    case invalidBase64URL(JWSPart)
    /// The header is not a JSON object (RFC 7515 §5.2 step 3).
    case headerNotJSONObject
    /// The header or the claims repeat a member name (RFC 7515 §5.2, RFC 7519 §4).
    case duplicateMemberName(JWSPart)
    /// `alg` is missing or not a string, or `kid`/`typ` is not a string (RFC 7515 §4.1).
    case invalidHeaderMember(name: String)
    /// The header lists critical extensions, none of which ZeroTouch understands (RFC 7515 §4.1.11).
    case unsupportedCriticalHeader([String])
    /// `alg` is `none`: an unsecured JWT (RFC 7519 §6, RFC 8725 §3.2).
    case unsecuredToken
    /// The payload is not a JSON object (RFC 7519 §7.2 step 10).
    case payloadNotJSONObject
    /// The signature part is empty.
    case missingSignature

    // MARK: Explicit typing and algorithm (RFC 8725 §3.1, §3.11)

    /// `typ` is missing or names another kind of token.
    case typeMismatch(expected: String, actual: String?)
    /// `alg` is an HMAC algorithm; a verifier holding public keys never accepts one (RFC 8725 §2.1).
    case symmetricAlgorithm(String)
    /// `alg` is not in this verifier's allow-list.
    case algorithmNotAllowed(String)

    // MARK: Key selection (RFC 7515 §4.1.4, §6)

    /// No key of the issuer has this `kid`, even after the one permitted refresh.
    case unknownKeyID(KeyID)
    /// The token has no `kid` and no key of the issuer fits its `alg`.
    case noKeyForAlgorithm(JWSAlgorithm)
    /// The token has no `kid` and several keys fit its `alg`.
    case ambiguousKey(algorithm: JWSAlgorithm, candidates: Int)
    /// The key's own `alg` (RFC 7517 §4.4) differs from the token's.
    case keyAlgorithmMismatch(keyID: KeyID?, keyAlgorithm: JWSAlgorithm, tokenAlgorithm: JWSAlgorithm)
    /// The key's type cannot make this algorithm's signatures (an RSA key for ES256, …).
    case keyTypeMismatch(keyID: KeyID?, keyType: String, algorithm: JWSAlgorithm)
    /// The issuer's keys could not be obtained and no unexpired copy is cached: fail closed.
    case keySetUnavailable(issuer: Issuer, reason: JWKSFetchFailure)

    // MARK: Signature (RFC 7515 §5.2 step 8)

    /// The signature does not verify with the selected key.
    case badSignature(keyID: KeyID?)

    // MARK: Claims (RFC 7519 §4.1)

    /// A claim is present with the wrong JSON type.
    case invalidClaim(name: String)
    /// A claim the rules require is absent.
    case missingClaim(name: String)
    /// `exp` plus leeway is not after `now` (RFC 7519 §4.1.4).
    case expired(exp: Date, now: Date)
    /// `nbf` minus leeway is after `now` (RFC 7519 §4.1.5).
    case notYetValid(nbf: Date, now: Date)
    /// `iat` is further in the future than the leeway allows.
    case issuedInFuture(iat: Date, now: Date)
    /// The token lives longer than the rules allow (`exp - iat`, or `exp - now` without `iat`).
    case lifetimeTooLong(lifetime: TimeInterval, maximum: TimeInterval)

    /// A one-line explanation for logs and `error_description`; never contains the token.
    public var description: String {
        switch self {
        case .tokenTooLarge(let bytes, let limit): "token is \(bytes) bytes, more than the \(limit)-byte limit"
        case .encryptedToken: "encrypted tokens (JWE) are not accepted"
        case .malformedCompactSerialization(let parts): "token must have 3 dot-separated parts, not \(parts)"
        case .invalidBase64URL(let part): "token \(part) is not unpadded base64url"
        case .headerNotJSONObject: "token header is not a JSON object"
        case .duplicateMemberName(let part): "token \(part) repeats a member name"
        case .invalidHeaderMember(let name): "token header member '\(name)' is missing or not a string"
        case .unsupportedCriticalHeader(let names): "token header marks unsupported extensions as critical: \(Self.quoted(names.joined(separator: ",")))"
        case .unsecuredToken: "unsecured tokens (alg none) are not accepted"
        case .payloadNotJSONObject: "token payload is not a JSON object"
        case .missingSignature: "token has no signature"
        case .typeMismatch(let expected, let actual): "token typ must be '\(expected)', not \(actual.map(Self.quoted) ?? "absent")"
        case .symmetricAlgorithm(let alg): "symmetric algorithm \(Self.quoted(alg)) is not accepted"
        case .algorithmNotAllowed(let alg): "algorithm \(Self.quoted(alg)) is not allowed"
        case .unknownKeyID(let kid): "no key with kid \(Self.quoted(kid.rawValue))"
        case .noKeyForAlgorithm(let alg): "token has no kid and no key fits \(alg)"
        case .ambiguousKey(let alg, let count): "token has no kid and \(count) keys fit \(alg)"
        case .keyAlgorithmMismatch(let kid, let keyAlg, let tokenAlg): "key \(Self.name(kid)) is for \(keyAlg), token uses \(tokenAlg)"
        case .keyTypeMismatch(let kid, let kty, let alg): "key \(Self.name(kid)) of type \(kty) cannot verify \(alg)"
        case .keySetUnavailable(let issuer, let reason): "keys of issuer \(issuer) unavailable: \(reason)"
        case .badSignature(let kid): "signature does not verify with key \(Self.name(kid))"
        case .invalidClaim(let name): "claim '\(name)' has the wrong type"
        case .missingClaim(let name): "claim '\(name)' is required"
        case .expired(let exp, let now): "token expired at \(Self.time(exp)) (now \(Self.time(now)))"
        case .notYetValid(let nbf, let now): "token not valid before \(Self.time(nbf)) (now \(Self.time(now)))"
        case .issuedInFuture(let iat, let now): "token issued in the future at \(Self.time(iat)) (now \(Self.time(now)))"
        case .lifetimeTooLong(let lifetime, let maximum): "token lifetime \(Int(lifetime)) s exceeds the \(Int(maximum)) s maximum"
        }
    }

    private static func name(_ keyID: KeyID?) -> String { keyID.map { quoted($0.rawValue) } ?? "without kid" }

    /// Text the sender chose (`kid`, `typ`, `alg`), quoted, cut to 64 characters and with control
    /// characters replaced, so that a hostile header cannot forge or flood log lines.
    static func quoted(_ text: String) -> String {
        let scalars = text.unicodeScalars.prefix(64).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }
        let suffix = text.unicodeScalars.count > 64 ? "…" : ""
        return "'" + String(String.UnicodeScalarView(scalars)) + suffix + "'"
    }
    private static func time(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970.rounded(.down))) }
}

import ZeroTouchCore
import ZeroTouchJOSE

extension IDJAGRejection {
    /// Maps a `JOSERejection` from parsing or from `JWTVerifier` (steps 2–7) to the rejection of
    /// the step it belongs to, by exhaustive switch.
    /// - Parameters:
    ///   - rejection: what the JOSE layer refused.
    ///   - issuer: the trusted issuer whose keys were used.
    ///   - header: the token's header, for `kid` and `alg`.
    init(_ rejection: JOSERejection, issuer: Issuer, header: JOSEHeader) {
        switch rejection {
        case .tokenTooLarge(let bytes, let limit):
            self = .oversized(bytes: bytes, limit: limit)
        case .encryptedToken, .malformedCompactSerialization, .invalidBase64URL, .headerNotJSONObject, .duplicateMemberName,
            .invalidHeaderMember, .unsupportedCriticalHeader, .payloadNotJSONObject, .missingSignature:
            self = .malformed(rejection)
        case .typeMismatch(_, let actual):
            self = .wrongType(actual)
        case .unsecuredToken, .symmetricAlgorithm, .algorithmNotAllowed:
            self = .algorithmNotAllowed(algorithm: header.algorithm, issuer: issuer.rawValue)
        case .unknownKeyID, .noKeyForAlgorithm:
            self = .unknownKey(issuer: issuer, keyID: header.keyID)
        case .ambiguousKey(_, let candidates):
            self = .ambiguousKey(issuer: issuer, candidates: candidates)
        case .keyAlgorithmMismatch, .keyTypeMismatch:
            self = .unsuitableKey(issuer: issuer, keyID: header.keyID)
        case .keySetUnavailable(_, let reason):
            self = .keysUnavailable(issuer: issuer, reason: reason.description)
        case .badSignature(let keyID):
            self = .badSignature(issuer: issuer, keyID: keyID)
        case .invalidClaim(let name):
            self = .invalidClaim(name)
        case .missingClaim(let name):
            self = .missingClaim(name)
        case .expired(let exp, let now):
            self = .expired(exp: exp, now: now)
        case .notYetValid(let nbf, let now):
            self = .notYetValid(nbf: nbf, now: now)
        case .issuedInFuture(let iat, let now):
            self = .issuedInFuture(iat: iat, now: now)
        case .lifetimeTooLong(let lifetime, let maximum):
            self = .lifetimeTooLong(lifetime: lifetime, maximum: maximum)
        }
    }
}

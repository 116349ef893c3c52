import ZeroTouchCore

/// Picks the one key that may verify a token (RFC 7515 §4.1.4, §6), as a pure function over a key
/// list, so that every `VerificationKeySource` selects the same way.
///
/// Written by hand because jwt-kit's `JWTKeyCollection` falls back to a default key on an unknown
/// `kid`, can try every key in turn, and takes a JWK's missing `alg` from the token header. Here a
/// `kid` names exactly one key, a missing `kid` is accepted only when exactly one key fits the
/// algorithm, and the key must fit the algorithm by type and by its own `alg`.
enum KeySelection {
    /// Selects the key for a token with `keyID` and `algorithm`.
    /// - Throws: `JOSERejection.unknownKeyID` (the only case a source may answer with one refresh),
    ///   `.keyTypeMismatch`, `.keyAlgorithmMismatch`, `.noKeyForAlgorithm`, `.ambiguousKey`.
    static func select(from keys: [VerificationKey], keyID: KeyID?, algorithm: JWSAlgorithm) throws(JOSERejection) -> VerificationKey {
        guard let keyID else {
            let candidates = keys.filter { $0.fits(algorithm) }
            guard let only = candidates.first else { throw .noKeyForAlgorithm(algorithm) }
            guard candidates.count == 1 else { throw .ambiguousKey(algorithm: algorithm, candidates: candidates.count) }
            return only
        }
        guard let key = keys.first(where: { $0.keyID == keyID }) else { throw .unknownKeyID(keyID) }
        try checkFit(key, algorithm: algorithm)
        return key
    }

    /// Requires `key` to fit `algorithm`: its type, then its own `alg` when it has one (RFC 7517 §4.4).
    /// - Throws: `JOSERejection.keyTypeMismatch`, `.keyAlgorithmMismatch`.
    static func checkFit(_ key: VerificationKey, algorithm: JWSAlgorithm) throws(JOSERejection) {
        guard key.keyType == algorithm.keyType else {
            throw .keyTypeMismatch(keyID: key.keyID, keyType: key.keyType, algorithm: algorithm)
        }
        if let keyAlgorithm = key.algorithm, keyAlgorithm != algorithm {
            throw .keyAlgorithmMismatch(keyID: key.keyID, keyAlgorithm: keyAlgorithm, tokenAlgorithm: algorithm)
        }
    }
}

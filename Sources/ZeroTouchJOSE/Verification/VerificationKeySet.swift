public import ZeroTouchCore

/// A fixed list of verification keys: ZeroTouch's own published keys, a configured client's
/// `jwks`, or a test's keys. Never refreshes.
public struct VerificationKeySet: VerificationKeySource {
    /// The keys, in the order of the JWKS they came from.
    public var keys: [VerificationKey]

    /// Wraps `keys`.
    public init(_ keys: [VerificationKey]) { self.keys = keys }

    /// The key for a token, selected as `VerificationKeySource` describes.
    /// - Throws: `JOSERejection.unknownKeyID`, `.noKeyForAlgorithm`, `.ambiguousKey`,
    ///   `.keyTypeMismatch`, `.keyAlgorithmMismatch`.
    public func verificationKey(keyID: KeyID?, algorithm: JWSAlgorithm) async throws(JOSERejection) -> VerificationKey {
        try KeySelection.select(from: keys, keyID: keyID, algorithm: algorithm)
    }
}

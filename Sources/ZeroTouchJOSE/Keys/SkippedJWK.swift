public import ZeroTouchCore

/// A key of another party's JWKS that was left out, and why; for the operator's log.
public struct SkippedJWK: Sendable, Equatable, CustomStringConvertible {
    /// The key's position in `keys`.
    public var index: Int
    /// Its `kid`, when it has a string one.
    public var keyID: KeyID?
    /// Why it was skipped.
    public var reason: JWKSkipReason

    /// Creates a record of a skipped key.
    public init(index: Int, keyID: KeyID?, reason: JWKSkipReason) {
        self.index = index
        self.keyID = keyID
        self.reason = reason
    }

    /// A log line naming the key by position and `kid`.
    public var description: String {
        "key #\(index)\(keyID.map { " (kid \(JOSERejection.quoted($0.rawValue)))" } ?? ""): \(reason)"
    }
}

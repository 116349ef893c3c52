public import Foundation

/// A signing key as persisted: its private half and its place in the rotation.
public struct StoredSigningKey: Codable, Sendable, Equatable {
    /// The `kid` published in the JWKS and stamped on every token the key signs.
    public var keyID: KeyID
    /// The JWS algorithm: `ES256`, `EdDSA` or `RS256`.
    public var algorithm: String
    /// The private key in PKCS#8 PEM.
    public var privateKeyPEM: String
    public var createdAt: Date
    /// When the key stopped signing; `nil` for the active key.
    public var retiredAt: Date?
    /// When a retired key may leave the JWKS: after every token it signed has expired.
    public var publishUntil: Date?

    public init(keyID: KeyID, algorithm: String, privateKeyPEM: String, createdAt: Date, retiredAt: Date? = nil, publishUntil: Date? = nil) {
        self.keyID = keyID
        self.algorithm = algorithm
        self.privateKeyPEM = privateKeyPEM
        self.createdAt = createdAt
        self.retiredAt = retiredAt
        self.publishUntil = publishUntil
    }

    /// Whether this key signs new tokens.
    public var isActive: Bool { retiredAt == nil }
}

/// Persists a role's signing keys. A rotation changes two keys (the new active one and the one
/// retiring), so `replaceAll` is atomic.
public protocol SigningKeyStore: Sendable {
    /// Every stored key for `owner` (a role name such as `idp` or `as`).
    func keys(owner: String) async throws -> [StoredSigningKey]
    /// Replaces the keys of `owner` with `keys` in one transaction.
    func replaceAll(owner: String, with keys: [StoredSigningKey]) async throws
}

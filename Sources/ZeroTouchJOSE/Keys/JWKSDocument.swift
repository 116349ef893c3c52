/// A JWK Set as ZeroTouch publishes it at its `jwks_uri` (RFC 7517 §5).
///
/// Decoding this type is strict; to read another party's set, use `ParsedJWKS`, which skips the
/// keys it cannot use instead of failing on them.
public struct JWKSDocument: Codable, Sendable, Hashable {
    /// The keys, active key first.
    public var keys: [JWK]

    /// Creates a set.
    public init(keys: [JWK]) { self.keys = keys }
}

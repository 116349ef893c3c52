/// The three parts of a compact JWS (RFC 7515 §7.1), named in rejections.
public enum JWSPart: String, Sendable, Hashable, CustomStringConvertible {
    /// The JOSE header (RFC 7515 §4).
    case header
    /// The JWS payload: the JWT claims set (RFC 7519 §3).
    case payload
    /// The JWS signature (RFC 7515 §2).
    case signature

    /// The part's name.
    public var description: String { rawValue }
}

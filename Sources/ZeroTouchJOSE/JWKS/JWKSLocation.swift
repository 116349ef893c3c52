/// Where a trusted issuer's JWKS is found (decisions.md "Finding a trusted IdP's keys").
public enum JWKSLocation: Sendable, Hashable, CustomStringConvertible {
    /// An explicitly configured `jwks_uri`.
    case jwksURI(String)
    /// The `jwks_uri` of the issuer's metadata: RFC 8414 `/.well-known/oauth-authorization-server`
    /// first, then OpenID Connect Discovery `/.well-known/openid-configuration`. The metadata's
    /// `issuer` must equal the issuer exactly (RFC 8414 §3.3, OpenID Connect Discovery §4.3).
    case issuerMetadata

    /// The location as shown in logs.
    public var description: String {
        switch self {
        case .jwksURI(let uri): "jwks_uri \(uri)"
        case .issuerMetadata: "issuer metadata"
        }
    }
}

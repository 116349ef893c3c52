public import ZeroTouchCore

/// The URLs of the authorization server, all under its issuer's path (RFC 8414 §2, §3), and the
/// two metadata locations of decisions X-12.
public struct ASEndpoints: Sendable, Equatable {
    /// The issuer identifier.
    public let issuer: Issuer
    /// The path every endpoint lives under: the issuer's path without a trailing slash (`""` at the root).
    public let basePath: String
    private let origin: String

    /// Derives the endpoints of `issuer`.
    public init(issuer: Issuer) {
        self.issuer = issuer
        let split = AuthorizationServerMetadata.splitIssuer(issuer.rawValue) ?? (origin: issuer.rawValue, path: "")
        self.origin = split.origin
        self.basePath = split.path
    }

    /// The route path of the token endpoint.
    public var tokenPath: String { basePath + "/token" }
    /// The route path of the JWKS.
    public var jwksPath: String { basePath + "/jwks" }
    /// The route path of the introspection endpoint (RFC 7662).
    public var introspectionPath: String { basePath + "/introspect" }
    /// The route path of the revocation endpoint (RFC 7009).
    public var revocationPath: String { basePath + "/revoke" }
    /// The route path of the authorization endpoint, which only explains that it is not offered.
    public var authorizationPath: String { basePath + "/authorize" }
    /// The route path prefix of the admin API.
    public var adminPath: String { basePath + "/admin/api" }
    /// The metadata route paths: RFC 8414 §3.1 path-inserted, then path-appended (CONF-490); one
    /// path when the issuer has none (decisions X-12).
    public var metadataPaths: [String] {
        let wellKnown = "/.well-known/oauth-authorization-server"
        return basePath.isEmpty ? [wellKnown] : [wellKnown + basePath, basePath + wellKnown]
    }

    /// The absolute URL of a route path.
    public func url(_ path: String) -> String { origin + path }
}

public import ZeroTouchCore

/// The paths the IdP serves and their URLs under its issuer (OpenID Connect Discovery §3, RFC 8414 §2).
///
/// The routes sit at the root of the listener; an issuer with a path expects a reverse proxy that strips it.
public struct IdPEndpoints: Sendable, Equatable {
    public static let openIDConfigurationPath = "/.well-known/openid-configuration"
    public static let authorizationServerMetadataPath = "/.well-known/oauth-authorization-server"
    public static let jwksPath = "/jwks"
    public static let authorizationPath = "/authorize"
    public static let loginPath = "/login"
    public static let secondFactorPath = "/login/otp"
    public static let tokenPath = "/token"
    public static let userInfoPath = "/userinfo"
    public static let revocationPath = "/revoke"
    public static let logoutPath = "/logout"
    public static let mcpServersPath = "/mcp/servers"
    public static let adminAPIPath = "/admin/api"

    public let issuer: Issuer

    public init(issuer: Issuer) { self.issuer = issuer }

    /// The absolute URL of `path` under the issuer.
    public func url(_ path: String) -> String {
        var base = issuer.rawValue
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// Whether the issuer uses `https`: cookies are then `Secure` (only loopback issuers may be `http`, decisions X-11).
    public var isSecure: Bool { issuer.rawValue.lowercased().hasPrefix("https://") }
}

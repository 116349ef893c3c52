public import Foundation
public import ZeroTouchCore
public import ZeroTouchServer

/// How a resource server checks access tokens (decisions.md "Access-token format").
public enum TokenValidationSettings: Sendable {
    /// RFC 9068 JWTs verified with the authorization server's JWKS: an explicit `jwks_uri`, or the
    /// one in its RFC 8414 metadata when `nil`.
    case jwt(jwksURI: URL?)
    /// Opaque tokens checked at the RFC 7662 introspection endpoint with `client_secret_basic`.
    case introspection(endpoint: URL, clientID: ClientID, clientSecret: SecretString)

    /// The configuration values of `token_validation`.
    public enum Method: String, Sendable, CaseIterable {
        /// RFC 9068 JWTs.
        case jwt
        /// RFC 7662 introspection.
        case introspection
    }
}

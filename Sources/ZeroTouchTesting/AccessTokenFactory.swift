public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// Mints RFC 9068 access tokens for resource-server tests, the way ZeroTouch's authorization server
/// does (`typ: at+jwt`, ES256, `iss`, `sub`, `aud` = the resource, `client_id`, `scope`, `jti`,
/// `iat`, `exp`, plus the `idjag_iss`/`idjag_jti` correlation claims), without depending on it.
///
/// One valid token by default; each test changes one thing: `claims` to edit, `type` for an ID
/// token or an ID-JAG presented as an access token, another key for a forged signature.
public struct AccessTokenFactory: Sendable {
    /// The authorization server the tokens claim to come from.
    public let issuer: Issuer
    /// The per-run signing key.
    public let key: SigningKey

    /// Creates a factory with a fresh ES256 key.
    /// - Throws: `SigningKeyError` when no key can be generated.
    public init(issuer: Issuer, keyID: KeyID = "as-es256-1") throws {
        self.issuer = issuer
        self.key = try SigningKey.generate(.es256, keyID: keyID)
    }

    /// The JWKS publishing the key (RFC 7517 §5).
    public var jwks: JWKSDocument { JWKSDocument(keys: [key.publicJWK]) }

    /// The JWKS as JSON.
    public var jwksJSON: Data { (try? JSONEncoder().encode(jwks)) ?? Data() }

    /// The claims of a valid access token.
    public func claims(
        subject: String = "alice", clientID: String = "client-1", resource: ResourceIdentifier, scope: String? = nil,
        issuedAt: Date, lifetime: TimeInterval = 300
    ) -> [String: JSONValue] {
        var claims: [String: JSONValue] = [
            "iss": .string(issuer.rawValue), "sub": .string(subject), "aud": .string(resource.rawValue),
            "client_id": .string(clientID), "jti": .string(UUID().uuidString.lowercased()),
            "iat": .integer(Int64(issuedAt.timeIntervalSince1970)),
            "exp": .integer(Int64(issuedAt.timeIntervalSince1970 + lifetime)),
            "idjag_iss": .string("https://idp.example"), "idjag_jti": .string(UUID().uuidString.lowercased()),
        ]
        if let scope { claims["scope"] = .string(scope) }
        return claims
    }

    /// A signed access token.
    /// - Parameters:
    ///   - subject: `sub`.
    ///   - clientID: `client_id`.
    ///   - resource: `aud`.
    ///   - scope: `scope`, omitted when `nil`.
    ///   - issuedAt: `iat`; `exp` is `lifetime` later.
    ///   - lifetime: seconds.
    ///   - type: the `typ` header: `at+jwt`, or `JWT` for an ID token, `oauth-id-jag+jwt` for an ID-JAG.
    ///   - edit: changes the claims before signing.
    /// - Throws: `SigningKeyError`.
    public func makeAccessToken(
        subject: String = "alice", clientID: String = "client-1", resource: ResourceIdentifier, scope: String? = nil,
        issuedAt: Date, lifetime: TimeInterval = 300, type: String = EnterpriseManagedAuthorization.accessTokenType,
        edit: (inout [String: JSONValue]) -> Void = { _ in }
    ) throws -> String {
        var claims = claims(subject: subject, clientID: clientID, resource: resource, scope: scope, issuedAt: issuedAt, lifetime: lifetime)
        edit(&claims)
        return try key.sign(claims, type: type)
    }
}

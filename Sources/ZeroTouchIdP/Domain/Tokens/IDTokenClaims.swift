public import Foundation
public import ZeroTouchCore
import ZeroTouchJOSE

/// The claims of an ID token this IdP issues (OpenID Connect Core §2): ES256-signed, `typ: JWT`.
///
/// `sub` is the user's opaque, stable id (never the username), `aud` the client it was issued to.
/// The same value is the `subject_token` of a token exchange, where `amr` and `auth_time` feed the
/// policy's sign-in conditions (ID-JAG §4.3.3, §8.2).
public struct IDTokenClaims: Codable, Sendable, Equatable {
    public var issuer: Issuer
    public var subject: UserID
    /// The client the token was issued to (`aud`, a single string).
    public var audience: ClientID
    public var expiresAt: Date
    public var issuedAt: Date
    /// When the user signed in (`auth_time`).
    public var authTime: Date
    /// The `nonce` of the authorization request, when it had one (OpenID Connect Core §3.1.2.1).
    public var nonce: String?
    /// How the user signed in (`amr`, RFC 8176 §2): `pwd`, plus `otp` after a TOTP code.
    public var methods: [String]
    /// A unique id, so two tokens issued in the same second differ (and cache separately).
    public var jwtID: JTI

    /// The JOSE `typ` of an ID token.
    public static let type = "JWT"

    public init(
        issuer: Issuer, subject: UserID, audience: ClientID, expiresAt: Date, issuedAt: Date, authTime: Date,
        nonce: String?, methods: [String], jwtID: JTI
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.authTime = authTime
        self.nonce = nonce
        self.methods = methods
        self.jwtID = jwtID
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case audience = "aud"
        case expiresAt = "exp"
        case issuedAt = "iat"
        case authTime = "auth_time"
        case nonce
        case methods = "amr"
        case jwtID = "jti"
    }

    /// The sign-in the token attests, as policy reads it.
    public var authentication: AuthenticationContext {
        AuthenticationContext(methods: Set(methods), authenticatedAt: authTime)
    }

    /// Reads verified claims; every member this IdP writes is required with its JSON type.
    /// - Throws: `SubjectTokenFailure.missingClaim` / `.invalidClaim`.
    init(verified claims: JWTClaims) throws(SubjectTokenFailure) {
        func required<T>(_ name: String, _ read: (String) throws(JOSERejection) -> T?) throws(SubjectTokenFailure) -> T {
            let value: T?
            do { value = try read(name) } catch { throw .invalidClaim(name) }
            guard let value else { throw .missingClaim(name) }
            return value
        }
        let audience = try required("aud") { name throws(JOSERejection) in try claims.stringOrStringArray(name) }
        guard audience.count == 1 else { throw .audienceMismatch(actual: audience) }
        let amr = claims["amr"]?.arrayValue?.compactMap(\.stringValue)
        guard let amr, amr.count == claims["amr"]?.arrayValue?.count else {
            throw claims["amr"] == nil ? .missingClaim("amr") : .invalidClaim("amr")
        }
        self.init(
            issuer: Issuer(try required("iss") { name throws(JOSERejection) in try claims.string(name) }),
            subject: UserID(try required("sub") { name throws(JOSERejection) in try claims.string(name) }),
            audience: ClientID(audience[0]),
            expiresAt: try required("exp") { name throws(JOSERejection) in try claims.numericDate(name) },
            issuedAt: try required("iat") { name throws(JOSERejection) in try claims.numericDate(name) },
            authTime: try required("auth_time") { name throws(JOSERejection) in try claims.numericDate(name) },
            nonce: try? claims.string("nonce"), methods: amr,
            jwtID: JTI(try required("jti") { name throws(JOSERejection) in try claims.string(name) }))
    }
}

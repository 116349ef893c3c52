public import Foundation
public import ZeroTouchCore

/// A JWT claims set (RFC 7519 §4): the JSON object of the payload, with typed accessors.
///
/// Each accessor returns `nil` when the claim is absent and throws when it is present with the
/// wrong JSON type, so that "missing" and "malformed" stay distinct rejections. Which claims are
/// required is the caller's rule (an ID-JAG needs `jti`, a client assertion needs `aud`, …).
public struct JWTClaims: Sendable, Hashable {
    /// Every member of the claims set.
    public var members: [String: JSONValue]

    /// Wraps a claims object.
    public init(_ members: [String: JSONValue]) { self.members = members }

    /// The raw value of claim `name`.
    public subscript(name: String) -> JSONValue? { members[name] }

    /// Claim `name` as a string.
    /// - Throws: `JOSERejection.invalidClaim` when it is present but not a string.
    public func string(_ name: String) throws(JOSERejection) -> String? {
        guard let value = members[name] else { return nil }
        guard let string = value.stringValue else { throw .invalidClaim(name: name) }
        return string
    }

    /// Claim `name` as an RFC 7519 §2 NumericDate (seconds since the epoch, integer or not).
    /// - Throws: `JOSERejection.invalidClaim` when it is present but not a finite number.
    public func numericDate(_ name: String) throws(JOSERejection) -> Date? {
        guard let value = members[name] else { return nil }
        guard let date = value.dateValue else { throw .invalidClaim(name: name) }
        return date
    }

    /// Claim `name` as a string or an array of strings (the two forms of `aud`, RFC 7519 §4.1.3).
    /// - Throws: `JOSERejection.invalidClaim` when it is present in any other form.
    public func stringOrStringArray(_ name: String) throws(JOSERejection) -> [String]? {
        guard let value = members[name] else { return nil }
        guard let strings = value.stringOrStringArray else { throw .invalidClaim(name: name) }
        return strings
    }

    /// `iss` (RFC 7519 §4.1.1). Before the signature is checked this is only a claim: use it to
    /// pick the trusted issuer's configuration, never as an identity.
    public var issuer: Issuer? { get throws(JOSERejection) { try string("iss").map(Issuer.init) } }
    /// `sub` (RFC 7519 §4.1.2).
    public var subject: Subject? { get throws(JOSERejection) { try string("sub").map(Subject.init) } }
    /// `aud` (RFC 7519 §4.1.3), always as an array.
    public var audience: [String]? { get throws(JOSERejection) { try stringOrStringArray("aud") } }
    /// `exp` (RFC 7519 §4.1.4).
    public var expiration: Date? { get throws(JOSERejection) { try numericDate("exp") } }
    /// `nbf` (RFC 7519 §4.1.5).
    public var notBefore: Date? { get throws(JOSERejection) { try numericDate("nbf") } }
    /// `iat` (RFC 7519 §4.1.6).
    public var issuedAt: Date? { get throws(JOSERejection) { try numericDate("iat") } }
    /// `jti` (RFC 7519 §4.1.7).
    public var jwtID: JTI? { get throws(JOSERejection) { try string("jti").map(JTI.init) } }
}

extension JWTClaims: Codable {
    /// Decodes a claims set from its JSON object.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: JSONValue].self))
    }

    /// Encodes the claims set as its JSON object, e.g. for `SigningKey.sign(_:type:)`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members)
    }
}

public import Foundation
public import ZeroTouchCore

/// A claims type that can hand `SigningKey.sign(_:type:)` its members as a `JSONValue` tree, which is
/// written by `JSONValueWriter` instead of `JSONEncoder` (the cheaper path on every token issued).
/// Its `Encodable` form and its members must describe the same JSON object.
public protocol JWTClaimsRepresentable {
    /// The claims set's members (RFC 7519 §4).
    var jwtClaimMembers: [String: JSONValue] { get }
}

extension JWTClaims: JWTClaimsRepresentable {
    public var jwtClaimMembers: [String: JSONValue] { members }
}

extension JSONValue {
    /// An RFC 7519 §2 NumericDate: whole seconds since the epoch, rounded down, as `SigningKey` writes dates.
    public static func numericDate(_ date: Date) -> JSONValue {
        .integer(Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}

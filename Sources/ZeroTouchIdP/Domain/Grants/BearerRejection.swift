import Foundation

/// Why a request to `/userinfo` or `/mcp/servers` is not authorized (RFC 6750 §3.1).
public enum BearerRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `Authorization` header: the challenge carries no error code (RFC 6750 §3.1).
    case missingToken
    /// The header is not `Bearer <token>` (the scheme compares case-insensitively, RFC 7235 §2.1).
    case malformedAuthorization
    /// Unknown, expired or revoked token.
    case invalidToken
    /// The token's user was deleted or suspended.
    case userInactive(UserID)

    /// The `error` of the challenge, absent for a request without credentials.
    public var errorCode: String? {
        switch self {
        case .missingToken: nil
        case .malformedAuthorization: "invalid_request"
        case .invalidToken, .userInactive: "invalid_token"
        }
    }

    /// The `error_description`.
    public var errorDescription: String {
        switch self {
        case .missingToken: "a bearer access token is required"
        case .malformedAuthorization: "the Authorization header must be 'Bearer <token>'"
        case .invalidToken: "the access token is invalid, expired or revoked"
        case .userInactive: "the user is not active"
        }
    }

    /// 400 for a malformed header, 401 otherwise (RFC 6750 §3.1).
    public var httpStatus: Int { self == .malformedAuthorization ? 400 : 401 }

    public var description: String {
        switch self {
        case .userInactive(let id): "bearer token of inactive user \(id)"
        default: errorDescription
        }
    }

    /// The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), scheme in any case.
    /// - Throws: `.missingToken`, `.malformedAuthorization`.
    public static func token(from authorization: String?) throws(BearerRejection) -> String {
        guard let authorization else { throw .missingToken }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .malformedAuthorization }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.utf8.count <= 4096, token.utf8.allSatisfy(isToken68) else { throw .malformedAuthorization }
        return token
    }

    /// RFC 6750 §2.1 `b64token`: `ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/"`, then `=` padding.
    private static func isToken68(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): true
        default: false
        }
    }
}

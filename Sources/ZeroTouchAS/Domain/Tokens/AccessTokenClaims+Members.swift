public import ZeroTouchCore
public import ZeroTouchJOSE

extension AccessTokenClaims: JWTClaimsRepresentable {
    /// The members its `Encodable` form writes (RFC 9068 §2.2), absent optionals omitted.
    public var jwtClaimMembers: [String: JSONValue] {
        var members: [String: JSONValue] = [
            "iss": .string(issuer.rawValue), "sub": .string(subject.rawValue), "aud": .string(audience.rawValue),
            "client_id": .string(clientID.rawValue), "jti": .string(jti.rawValue), "iat": .numericDate(issuedAt),
            "exp": .numericDate(expiresAt), "idjag_iss": .string(idJAGIssuer.rawValue), "idjag_jti": .string(idJAGJTI.rawValue),
        ]
        if let scope { members["scope"] = .string(scope) }
        return members
    }
}

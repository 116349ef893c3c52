public import ZeroTouchCore
public import ZeroTouchJOSE

extension IDJAGClaims: JWTClaimsRepresentable {
    /// The members its `Encodable` form writes (ID-JAG §3), absent optionals omitted.
    public var jwtClaimMembers: [String: JSONValue] {
        var members: [String: JSONValue] = [
            "iss": .string(issuer.rawValue), "sub": .string(subject.rawValue), "aud": .string(audience.rawValue),
            "client_id": .string(clientID.rawValue), "resource": .string(resource.rawValue), "jti": .string(jwtID.rawValue),
            "iat": .numericDate(issuedAt), "exp": .numericDate(expiresAt), "auth_time": .numericDate(authTime),
            "amr": .array(methods.map(JSONValue.string)),
        ]
        if let scope { members["scope"] = .string(scope.description) }
        if let email { members["email"] = .string(email) }
        return members
    }
}

extension IDTokenClaims: JWTClaimsRepresentable {
    /// The members its `Encodable` form writes (OpenID Connect Core §2), absent optionals omitted.
    public var jwtClaimMembers: [String: JSONValue] {
        var members: [String: JSONValue] = [
            "iss": .string(issuer.rawValue), "sub": .string(subject.rawValue), "aud": .string(audience.rawValue),
            "exp": .numericDate(expiresAt), "iat": .numericDate(issuedAt), "auth_time": .numericDate(authTime),
            "amr": .array(methods.map(JSONValue.string)), "jti": .string(jwtID.rawValue),
        ]
        if let nonce { members["nonce"] = .string(nonce) }
        return members
    }
}

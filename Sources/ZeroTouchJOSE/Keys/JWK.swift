public import ZeroTouchCore

/// A public JSON Web Key with the members ZeroTouch publishes and reads (RFC 7517 §4,
/// RFC 7518 §6.2–6.3, RFC 8037 §2). Unknown members are ignored; private members are never read.
public struct JWK: Codable, Sendable, Hashable {
    /// `kty`: `EC`, `OKP` or `RSA` (RFC 7517 §4.1).
    public var keyType: String
    /// `crv`: `P-256` or `Ed25519` (RFC 7518 §6.2.1.1, RFC 8037 §2).
    public var curve: String?
    /// `x`: the x coordinate (EC) or the public key (OKP), base64url.
    public var x: String?
    /// `y`: the y coordinate (EC), base64url.
    public var y: String?
    /// `n`: the RSA modulus, base64url (RFC 7518 §6.3.1.1).
    public var modulus: String?
    /// `e`: the RSA public exponent, base64url (RFC 7518 §6.3.1.2).
    public var exponent: String?
    /// `kid` (RFC 7517 §4.5).
    public var keyID: KeyID?
    /// `alg`: the one algorithm this key is for, when the publisher says so (RFC 7517 §4.4).
    public var algorithm: String?
    /// `use`: `sig` for signing keys (RFC 7517 §4.2).
    public var use: String?

    /// Creates a JWK from its members.
    public init(
        keyType: String, curve: String? = nil, x: String? = nil, y: String? = nil, modulus: String? = nil,
        exponent: String? = nil, keyID: KeyID? = nil, algorithm: String? = nil, use: String? = nil
    ) {
        self.keyType = keyType
        self.curve = curve
        self.x = x
        self.y = y
        self.modulus = modulus
        self.exponent = exponent
        self.keyID = keyID
        self.algorithm = algorithm
        self.use = use
    }

    enum CodingKeys: String, CodingKey {
        case keyType = "kty"
        case curve = "crv"
        case x, y
        case modulus = "n"
        case exponent = "e"
        case keyID = "kid"
        case algorithm = "alg"
        case use
    }

    /// Reads one member object of another party's JWKS without failing on members of the wrong
    /// type elsewhere in the set: each member ZeroTouch reads must be a string when present.
    /// - Throws: `JWKSkipReason.notAnObject`, `.missingMember("kty")`, `.invalidMember`.
    init(jsonValue: JSONValue) throws(JWKSkipReason) {
        guard let members = jsonValue.objectValue else { throw .notAnObject }
        func string(_ key: CodingKeys) throws(JWKSkipReason) -> String? {
            guard let value = members[key.rawValue] else { return nil }
            guard let string = value.stringValue else { throw .invalidMember(name: key.rawValue) }
            return string
        }
        guard let keyType = try string(.keyType) else { throw .missingMember(name: "kty") }
        self.init(
            keyType: keyType, curve: try string(.curve), x: try string(.x), y: try string(.y),
            modulus: try string(.modulus), exponent: try string(.exponent), keyID: try string(.keyID).map(KeyID.init),
            algorithm: try string(.algorithm), use: try string(.use)
        )
    }
}

public import ZeroTouchCore

/// The JOSE header of a compact JWS (RFC 7515 §4), with the members ZeroTouch reads typed and
/// every other member kept as JSON.
public struct JOSEHeader: Sendable, Hashable {
    /// `alg` as written (RFC 7515 §4.1.1). Kept as text because a parsed token may name an
    /// algorithm ZeroTouch refuses (`HS256`, `RS384`); the verifier turns it into a `JWSAlgorithm`.
    public var algorithm: String
    /// `kid` (RFC 7515 §4.1.4).
    public var keyID: KeyID?
    /// `typ` (RFC 7515 §4.1.9) as written; compare it with `JOSETypeExpectation`, never with `==`.
    public var type: String?
    /// Every other member (`crit`, `x5t`, `cty`, …), unchecked.
    public var otherMembers: [String: JSONValue]

    /// Creates a header. `type` has no default: explicit typing is how a token says what it is
    /// (RFC 8725 §3.11), so every signer must decide it.
    public init(algorithm: String, keyID: KeyID?, type: String?, otherMembers: [String: JSONValue] = [:]) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.type = type
        self.otherMembers = otherMembers.filter { !Self.typedMemberNames.contains($0.key) }
    }

    /// The names stored in typed properties rather than in `otherMembers`.
    static let typedMemberNames: Set<String> = ["alg", "kid", "typ"]

    /// The header as one JSON object, as it is serialized (RFC 7515 §7.1).
    public var jsonObject: [String: JSONValue] {
        var members = otherMembers
        members["alg"] = .string(algorithm)
        if let keyID { members["kid"] = .string(keyID.rawValue) }
        if let type { members["typ"] = .string(type) }
        return members
    }

    /// Reads a decoded header object: `alg` is required and must be a string (RFC 7515 §4.1.1),
    /// `kid` and `typ` must be strings when present, and `crit` is refused because ZeroTouch
    /// understands no extension (RFC 7515 §4.1.11: a recipient that does not understand a listed
    /// extension MUST reject the JWS).
    /// - Throws: `JOSERejection.invalidHeaderMember`, `.unsupportedCriticalHeader`.
    init(jsonObject members: [String: JSONValue]) throws(JOSERejection) {
        guard case .string(let algorithm)? = members["alg"] else { throw .invalidHeaderMember(name: "alg") }
        let keyID: KeyID?
        switch members["kid"] {
        case nil: keyID = nil
        case .string(let value)?: keyID = KeyID(value)
        case _?: throw .invalidHeaderMember(name: "kid")
        }
        let type: String?
        switch members["typ"] {
        case nil: type = nil
        case .string(let value)?: type = value
        case _?: throw .invalidHeaderMember(name: "typ")
        }
        if let critical = members["crit"] {
            throw .unsupportedCriticalHeader(critical.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        self.init(algorithm: algorithm, keyID: keyID, type: type, otherMembers: members)
    }
}

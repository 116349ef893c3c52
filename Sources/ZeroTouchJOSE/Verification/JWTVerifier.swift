/// Verifies a compact JWS JWT against one expected type, an algorithm allow-list and one key
/// source (RFC 7515 §5.2, RFC 7519 §7.2, RFC 8725 §3).
///
/// The order is fixed and the first failure wins:
/// 1. size cap and parse (`UnverifiedJWT`): three parts, strict base64url, JSON objects, no
///    `none`, no JWE, no unknown `crit`;
/// 2. `typ` (`JOSETypeExpectation`);
/// 3. `alg`: never `none`, never HMAC, and in the allow-list — before any key is looked up, so an
///    `HS256` token never meets a public key;
/// 4. key: by `kid` from the key source (which may refresh once on a miss), or the single key
///    fitting `alg` when there is no `kid`; the key must fit `alg` by type and by its own `alg`;
/// 5. signature, with swift-crypto.
///
/// Claims are returned only after step 5, in a `VerifiedJWT`. Time, audience and the other claim
/// rules are the caller's next steps (`JWTTimeRules`, …).
///
/// jwt-kit's `verify` is not used: it never checks `typ`, picks keys with fallbacks (a default
/// key for an unknown `kid`, an `alg` taken from the token for a JWK without one), and decodes
/// the payload into a type with no context for the claim rules. Steps 2–4 are written by hand.
public struct JWTVerifier: Sendable {
    /// The `typ` this verifier requires.
    public var expectedType: JOSETypeExpectation
    /// The algorithms it accepts. `JWSAlgorithm` has no `none` or HMAC case, so neither can be allowed.
    public var allowedAlgorithms: Set<JWSAlgorithm>
    /// Where keys come from: one issuer's JWKS, or a fixed set.
    public var keys: any VerificationKeySource
    /// The size cap for `verify(_ compact:)`.
    public var maximumBytes: Int

    /// Creates a verifier. The allow-list has no default: RFC 8725 §3.1 asks every verifier to say
    /// which algorithms it accepts (`JWSAlgorithm.standardAllowList` is the usual choice).
    public init(
        expectedType: JOSETypeExpectation, allowedAlgorithms: Set<JWSAlgorithm>, keys: any VerificationKeySource,
        maximumBytes: Int = UnverifiedJWT.defaultMaximumBytes
    ) {
        self.expectedType = expectedType
        self.allowedAlgorithms = allowedAlgorithms
        self.keys = keys
        self.maximumBytes = maximumBytes
    }

    /// Parses and verifies a compact token (steps 1–5).
    /// - Throws: `JOSERejection`, for the first step that fails.
    public func verify(_ compact: String) async throws(JOSERejection) -> VerifiedJWT {
        try await verify(UnverifiedJWT(compact: compact, maximumBytes: maximumBytes))
    }

    /// Verifies a token already parsed, e.g. one whose unverified `iss` chose this verifier (steps 2–5).
    /// - Throws: `JOSERejection`, for the first step that fails.
    public func verify(_ token: UnverifiedJWT) async throws(JOSERejection) -> VerifiedJWT {
        try expectedType.check(token.header)
        let algorithm = try checkAlgorithm(token.header)
        let key = try await keys.verificationKey(keyID: token.header.keyID, algorithm: algorithm)
        try Self.checkSignature(of: token, with: key, algorithm: algorithm)
        return VerifiedJWT(header: token.header, claims: token.unverifiedClaims, algorithm: algorithm, keyID: key.keyID)
    }

    /// Step 3: the algorithm, judged by name before any key is touched (RFC 8725 §3.1–3.2).
    /// - Throws: `JOSERejection.unsecuredToken`, `.symmetricAlgorithm`, `.algorithmNotAllowed`.
    public func checkAlgorithm(_ header: JOSEHeader) throws(JOSERejection) -> JWSAlgorithm {
        let name = header.algorithm
        guard name.lowercased() != "none" else { throw .unsecuredToken }
        guard !name.uppercased().hasPrefix("HS") else { throw .symmetricAlgorithm(name) }
        guard let algorithm = JWSAlgorithm(rawValue: name), allowedAlgorithms.contains(algorithm) else {
            throw .algorithmNotAllowed(name)
        }
        return algorithm
    }

    /// Step 5: the signature over the signing input (RFC 7515 §5.2 step 8). The key's fit is
    /// checked again so that a custom `VerificationKeySource` cannot hand over a mismatched key.
    /// - Throws: `JOSERejection.keyTypeMismatch`, `.keyAlgorithmMismatch`, `.badSignature`.
    static func checkSignature(of token: UnverifiedJWT, with key: VerificationKey, algorithm: JWSAlgorithm) throws(JOSERejection) {
        try KeySelection.checkFit(key, algorithm: algorithm)
        guard key.isValidSignature(token.signature, for: token.signingInput, algorithm: algorithm) else {
            throw .badSignature(keyID: key.keyID)
        }
    }
}

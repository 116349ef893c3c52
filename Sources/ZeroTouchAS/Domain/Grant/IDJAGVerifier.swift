public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE
public import ZeroTouchOAuth

/// Verifies an ID-JAG presented to the jwt-bearer grant (RFC 7523 §3, RFC 7521 §5.2, ID-JAG §4.4.1,
/// EMA-S §7.4–§7.6) from any standard IdP this server trusts.
///
/// The order is fixed and the first failure wins:
///  1. size cap (16 KiB), before anything is decoded;
///  2. parse: a compact JWS with JSON header and payload, no JWE, no `none`;
///  3. `typ` is `oauth-id-jag+jwt`;
///  4. `alg` is on the allow-list of the issuer the token claims;
///  5. `iss` is a trusted IdP (decided before any key is fetched);
///  6. key: by `kid` from that IdP's JWKS, refreshed once on a miss with a cool-down; a token
///     without `kid` needs exactly one fitting key;
///  7. signature;
///  8. required claims present and well-typed; no `cnf` or `authorization_details` (not supported here);
///  9. `aud` is exactly this issuer (a string or a one-element array);
/// 10. `client_id` is the authenticated client;
/// 11. `resource` is served here and allowed for the client (or the client's only resource);
/// 12. `exp` / `nbf` / `iat` with leeway;
/// 13. maximum lifetime (`exp − iat`);
/// 14. scope ⊆ registered scopes, granted per decisions X-5;
/// 15. tenant;
/// 16. user mapping;
/// 17. last, the atomic `jti` insert in the `ReplayLedger`, kept until `exp` + leeway.
///
/// A subject to provision on first use is created only after step 17, so concurrent presentations
/// of one ID-JAG create at most one account. No step reads the store: the configuration comes from
/// the registry's snapshot and keys from the `JWKSCache`.
public struct IDJAGVerifier: Sendable {
    /// This server's issuer identifier: the expected `aud`.
    public let issuer: Issuer
    /// Trusted IdPs, clients, resources and users.
    public let registry: ASRegistry
    /// The IdPs' keys, cached per issuer.
    public let keys: JWKSCache
    /// Where redeemed `jti`s are recorded.
    public let replayLedger: any ReplayLedger
    /// The time source.
    public let clock: any WallClock
    /// Clock-skew leeway for `exp`, `nbf` and `iat`.
    public var leeway: TimeInterval
    /// The assertion size cap.
    public var maximumAssertionBytes: Int

    /// The `ReplayLedger` namespace prefix; the issuer follows, so two IdPs may use one `jti`.
    public static let replayNamespacePrefix = "as.id-jag:"

    /// Creates a verifier.
    public init(
        issuer: Issuer, registry: ASRegistry, keys: JWKSCache, replayLedger: any ReplayLedger, clock: any WallClock,
        leeway: TimeInterval = IDJAGRules.defaultLeeway, maximumAssertionBytes: Int = IDJAGRules.defaultMaximumAssertionBytes
    ) {
        self.issuer = issuer
        self.registry = registry
        self.keys = keys
        self.replayLedger = replayLedger
        self.clock = clock
        self.leeway = leeway
        self.maximumAssertionBytes = maximumAssertionBytes
    }

    /// Verifies `assertion` for the client that authenticated (steps 1–17 above).
    /// - Parameters:
    ///   - assertion: the `assertion` form parameter.
    ///   - client: the authenticated client.
    ///   - requestedResource: the request's `resource` parameter, if any.
    ///   - requestedScope: the request's `scope` parameter, if any.
    /// - Returns: the verified grant, its `jti` recorded.
    /// - Throws: `IDJAGRejection` for the first failed check; an operational error from the replay
    ///   ledger or the registry (a 500, never a token).
    public func verify(
        _ assertion: String, for client: AuthenticatedClient, requestedResource: ResourceIdentifier? = nil, requestedScope: Scope? = nil
    ) async throws -> VerifiedIDJAG {
        let rules = IDJAGRules(
            expectedAudience: issuer, client: client.clientID, configuration: registry.snapshot, now: clock.now, leeway: leeway,
            maximumAssertionBytes: maximumAssertionBytes, requestedResource: requestedResource, requestedScope: requestedScope)
        try rules.checkSize(assertion)
        let token = try Self.parse(assertion, maximumBytes: maximumAssertionBytes)
        try rules.checkType(token.header.type)
        try rules.checkAlgorithm(token.header.algorithm, claims: token.unverifiedClaims.members)
        let trust = try rules.trustedIssuer(token.unverifiedClaims.members)
        let verified = try await verifySignature(of: token, from: trust)
        let claims = verified.claims.members
        try rules.checkRequiredClaims(claims)
        try rules.checkAudience(claims)
        try rules.checkClient(claims)
        let resource = try rules.resource(claims, trust: trust)
        try rules.checkTimes(claims)
        try rules.checkLifetime(claims, trust: trust)
        let scope = try rules.grantedScope(claims, resource: resource, trust: trust)
        try rules.checkTenant(claims, trust: trust)
        let resolution = try rules.resolveUser(claims, trust: trust)
        let grant = IDJAGClaimValues(claims)
        try await recordOnce(grant, trust: trust, now: rules.now)
        return VerifiedIDJAG(
            issuer: trust.issuer, subject: grant.subject, tenant: grant.tenant, clientID: client.clientID, jti: grant.jti,
            issuedAt: grant.issuedAt, expiresAt: grant.expiresAt, resource: resource, scope: scope,
            user: try await user(for: resolution), keyID: verified.keyID)
    }

    /// Step 2: parses the compact JWS.
    /// - Throws: `IDJAGRejection.oversized` or `.malformed`.
    static func parse(_ assertion: String, maximumBytes: Int) throws(IDJAGRejection) -> UnverifiedJWT {
        do {
            return try UnverifiedJWT(compact: assertion, maximumBytes: maximumBytes)
        } catch .tokenTooLarge(let bytes, let limit) {
            throw .oversized(bytes: bytes, limit: limit)
        } catch {
            throw .malformed(error)
        }
    }

    /// Steps 6–7: selects the trusted IdP's key and checks the signature.
    /// - Throws: `IDJAGRejection` mapped from the `JOSERejection`.
    func verifySignature(of token: UnverifiedJWT, from trust: TrustedIssuer) async throws(IDJAGRejection) -> VerifiedJWT {
        let location: JWKSLocation = trust.jwksURI.map { .jwksURI($0) } ?? .issuerMetadata
        let verifier = JWTVerifier(
            expectedType: .idJAG, allowedAlgorithms: Set(trust.allowedAlgorithms),
            keys: keys.keySource(for: trust.issuer, at: location), maximumBytes: maximumAssertionBytes)
        do {
            return try await verifier.verify(token)
        } catch {
            throw IDJAGRejection(error, issuer: trust.issuer, header: token.header)
        }
    }

    /// Step 17: records the `jti` atomically unless the issuer allows re-presentation (decisions X-2).
    /// - Throws: `IDJAGRejection.replayed`, or the ledger's operational error.
    private func recordOnce(_ grant: IDJAGClaimValues, trust: TrustedIssuer, now: Date) async throws {
        guard trust.replayPolicy == .singleUse else { return }
        let recorded = try await replayLedger.recordOnce(
            grant.jti.rawValue, namespace: Self.replayNamespacePrefix + trust.issuer.rawValue,
            expiresAt: grant.expiresAt.addingTimeInterval(leeway), now: now)
        guard recorded else { throw IDJAGRejection.replayed(issuer: trust.issuer, jti: grant.jti) }
    }

    private func user(for resolution: UserResolution) async throws -> LocalUser {
        switch resolution {
        case .linked(let user): user
        case .provisionOnFirstUse(let identity): try await registry.provisionUser(for: identity)
        }
    }
}

/// The claims of an ID-JAG that passed step 8, read once with their types known.
struct IDJAGClaimValues {
    let subject: Subject
    let tenant: String?
    let jti: JTI
    let issuedAt: Date
    let expiresAt: Date

    init(_ claims: [String: JSONValue]) {
        subject = Subject(claims["sub"]?.stringValue ?? "")
        tenant = claims["tenant"]?.stringValue
        jti = JTI(claims["jti"]?.stringValue ?? "")
        issuedAt = claims["iat"]?.dateValue ?? .distantPast
        expiresAt = claims["exp"]?.dateValue ?? .distantPast
    }
}

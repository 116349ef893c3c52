public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// Verifies RFC 9068 JWT access tokens with the authorization server's published keys.
///
/// The order is fixed and the first failure wins:
/// 1. size cap and parse; `typ` must be `at+jwt` (RFC 9068 §4 step 1, RFC 8725 §3.11), so an
///    OpenID Connect ID token or an ID-JAG presented as an access token is refused here;
/// 2. `alg` in the allow-list, never `none` or HMAC (RFC 8725 §3.1);
/// 3. the key by `kid` from the authorization server's JWKS, cached per issuer, refreshed once
///    on an unknown `kid` (`JWKSCache`), and the signature (RFC 9068 §4 step 2);
/// 4. the claim rules (`AccessTokenRules`): `iss`, `aud` = this resource, time, required claims, scope.
///
/// Steps 1–3 are `ZeroTouchJOSE.JWTVerifier`; no step records the token, so it can be presented
/// again until it expires.
public struct JWTAccessTokenVerifier: AccessTokenVerifier {
    /// The JWS verifier: `typ` `at+jwt`, the algorithm allow-list, the issuer's keys.
    public let jwtVerifier: JWTVerifier
    /// The authorization server whose tokens are accepted.
    public let issuer: Issuer
    /// This resource.
    public let resource: ResourceIdentifier
    /// Clock-skew allowance.
    public let leeway: TimeInterval
    private let clock: any WallClock

    /// Creates a verifier over any key source (a fixed key set in tests).
    /// - Parameters:
    ///   - issuer: the authorization server's issuer identifier.
    ///   - resource: this resource's identifier, the required `aud`.
    ///   - keys: where the signing keys come from.
    ///   - allowedAlgorithms: the accepted `alg` values (decisions.md "Signing algorithms").
    ///   - clock: the time source.
    ///   - leeway: clock-skew allowance.
    public init(
        issuer: Issuer, resource: ResourceIdentifier, keys: any VerificationKeySource,
        allowedAlgorithms: Set<JWSAlgorithm> = JWSAlgorithm.standardAllowList, clock: any WallClock = SystemClock(),
        leeway: TimeInterval = JWTTimeRules.defaultLeeway
    ) {
        self.jwtVerifier = JWTVerifier(expectedType: .accessToken, allowedAlgorithms: allowedAlgorithms, keys: keys)
        self.issuer = issuer
        self.resource = resource
        self.leeway = leeway
        self.clock = clock
    }

    /// Creates a verifier reading the authorization server's JWKS through `cache`.
    /// - Parameters:
    ///   - issuer: the authorization server's issuer identifier.
    ///   - resource: this resource's identifier.
    ///   - cache: the shared per-issuer JWKS cache.
    ///   - location: an explicit `jwks_uri`, or the issuer's RFC 8414 metadata.
    ///   - allowedAlgorithms: the accepted `alg` values.
    ///   - clock: the time source.
    ///   - leeway: clock-skew allowance.
    public init(
        issuer: Issuer, resource: ResourceIdentifier, cache: JWKSCache, location: JWKSLocation = .issuerMetadata,
        allowedAlgorithms: Set<JWSAlgorithm> = JWSAlgorithm.standardAllowList, clock: any WallClock = SystemClock(),
        leeway: TimeInterval = JWTTimeRules.defaultLeeway
    ) {
        self.init(
            issuer: issuer, resource: resource, keys: cache.keySource(for: issuer, at: location),
            allowedAlgorithms: allowedAlgorithms, clock: clock, leeway: leeway)
    }

    /// Verifies `token` (steps 1–4).
    /// - Throws: `AccessTokenRejection`.
    public func verify(_ token: BearerToken) async throws(AccessTokenRejection) -> VerifiedAccessToken {
        let verified: VerifiedJWT
        do {
            verified = try await jwtVerifier.verify(token.unverifiedValue)
        } catch {
            throw AccessTokenRejection(error)
        }
        let rules = AccessTokenRules(expectedIssuer: issuer, resource: resource, now: clock.now, leeway: leeway)
        return try rules.identity(from: verified.claims)
    }
}

public import Foundation
public import ZeroTouchCore
import ZeroTouchJOSE

/// The context of one ID-JAG redemption and one method per check (ID-JAG §4.4.1, RFC 7523 §3,
/// EMA-S §7.4–§7.6), each throwing its own `IDJAGRejection` case.
///
/// The checks read the claims as the JSON object they are (`[String: JSONValue]`) and the header
/// values, so a test changes one field of a valid fixture and asserts the exact case.
/// `IDJAGVerifier` runs them in the documented order; they hold no state and do no I/O.
public struct IDJAGRules: Sendable {
    /// This authorization server's issuer: the only accepted `aud` (ID-JAG §4.4.1).
    public var expectedAudience: Issuer
    /// The client authenticated on the token request; `client_id` must name it.
    public var client: ClientID
    /// The configuration to check against.
    public var configuration: ASSnapshot
    /// The time of the check.
    public var now: Date
    /// Tolerated clock skew on `exp`, `nbf` and `iat` (decisions "Clock skew": 60 s).
    public var leeway: TimeInterval
    /// The size cap on the serialized assertion (EMA `EMA_MAX_JWT_BYTES`: 16 KiB).
    public var maximumAssertionBytes: Int
    /// The token request's `resource` parameter, if any (RFC 8707 §2, decisions X-8).
    public var requestedResource: ResourceIdentifier?
    /// The token request's `scope` parameter, if any (RFC 6749 §3.3, decisions X-5).
    public var requestedScope: Scope?

    /// The default size cap: 16 KiB, well above any legitimate ID-JAG.
    public static let defaultMaximumAssertionBytes = 16 * 1024
    /// The default clock-skew leeway.
    public static let defaultLeeway: TimeInterval = 60

    /// Creates the rules of one redemption.
    public init(
        expectedAudience: Issuer, client: ClientID, configuration: ASSnapshot, now: Date,
        leeway: TimeInterval = IDJAGRules.defaultLeeway, maximumAssertionBytes: Int = IDJAGRules.defaultMaximumAssertionBytes,
        requestedResource: ResourceIdentifier? = nil, requestedScope: Scope? = nil
    ) {
        self.expectedAudience = expectedAudience
        self.client = client
        self.configuration = configuration
        self.now = now
        self.leeway = leeway
        self.maximumAssertionBytes = maximumAssertionBytes
        self.requestedResource = requestedResource
        self.requestedScope = requestedScope
    }

    /// Step 1: refuses an assertion over the size cap before anything is decoded.
    /// - Throws: `IDJAGRejection.oversized`.
    public func checkSize(_ assertion: String) throws(IDJAGRejection) {
        let bytes = assertion.utf8.count
        guard bytes <= maximumAssertionBytes else { throw .oversized(bytes: bytes, limit: maximumAssertionBytes) }
    }

    /// Step 3: requires `typ` to be `oauth-id-jag+jwt`, case-insensitively and with an optional
    /// `application/` prefix (ID-JAG §4.4.1, RFC 7515 §4.1.9, decisions X-13). This refuses ID tokens
    /// and access tokens presented as grants (RFC 8725 §3.12).
    /// - Throws: `IDJAGRejection.wrongType`.
    public func checkType(_ type: String?) throws(IDJAGRejection) {
        guard JOSETypeExpectation.idJAG.accepts(type) else { throw .wrongType(type) }
    }

    /// Step 4: requires `alg` to be on the allow-list of the issuer the token claims, or on the
    /// default list when that issuer is not trusted, so `none` and HMAC never pass (EMA-S §7.4.1,
    /// RFC 8725 §3.1–3.2). The issuer itself is checked next.
    /// - Throws: `IDJAGRejection.algorithmNotAllowed`.
    public func checkAlgorithm(_ algorithm: String, claims: [String: JSONValue]) throws(IDJAGRejection) {
        let claimedIssuer = claims["iss"]?.stringValue
        let allowed = claimedIssuer.flatMap { configuration.trustedIssuers[Issuer($0)] }?.allowedAlgorithms ?? TrustedIssuer.defaultAlgorithms
        guard allowed.contains(where: { $0.rawValue == algorithm }) else {
            throw .algorithmNotAllowed(algorithm: algorithm, issuer: claimedIssuer)
        }
    }

    /// Step 5: finds the trusted IdP named by `iss`, compared exactly, before any key is fetched
    /// (ID-JAG §4.1; RFC 7521 §4.1.1). The returned entry's issuer equals `iss`, which blocks a
    /// confused deputy.
    /// - Returns: the trust entry whose rules apply to the rest of the checks.
    /// - Throws: `IDJAGRejection.untrustedIssuer`.
    public func trustedIssuer(_ claims: [String: JSONValue]) throws(IDJAGRejection) -> TrustedIssuer {
        guard let claimed = claims["iss"]?.stringValue else { throw .untrustedIssuer(nil) }
        guard let trust = configuration.trustedIssuers[Issuer(claimed)], trust.issuer.rawValue == claimed else {
            throw .untrustedIssuer(claimed)
        }
        return trust
    }
}

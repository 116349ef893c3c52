public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// An identity provider whose ID-JAGs this authorization server redeems (ID-JAG §4.1: "for each
/// trusted issuer the Resource Authorization Server MUST be configured to recognize that issuer,
/// resolve identities … and associate the ID-JAG with the correct client relationship").
///
/// Any standard IdP can be trusted: its keys come from an explicit `jwks_uri`, or from its RFC 8414
/// metadata, then OpenID discovery (decisions, "Finding a trusted IdP's keys").
public struct TrustedIssuer: Codable, Sendable, Equatable, Identifiable, CustomStringConvertible {
    /// The `iss` the IdP puts in its ID-JAGs, compared exactly (RFC 7519 §4.1.1).
    public var issuer: Issuer
    /// The IdP's JWKS URL; `nil` to discover it from the issuer's metadata.
    public var jwksURI: String?
    /// The JWS algorithms accepted from this IdP (EMA-S §7.4.1: an explicit allow-list, never `none`).
    public var allowedAlgorithms: [JWSAlgorithm]
    /// The tenant every ID-JAG from this IdP must name (ID-JAG §6, OIDC-EE `tenant`); `nil` accepts any.
    public var tenant: String?
    /// Whether an ID-JAG may be presented once, or again until it expires (decisions X-2).
    public var replayPolicy: ReplayPolicy
    /// The longest `exp − iat` accepted, in seconds (decisions: at most 600).
    public var maximumAssertionLifetime: TimeInterval
    /// How an ID-JAG's subject becomes a local user (ID-JAG §3.1, EMA docs "For MCP Authorization Servers").
    public var userMapping: UserMapping
    /// Answer `invalid_grant` instead of `invalid_target`/`invalid_scope` for an unknown resource or an
    /// unregistered scope, as EMA-S §7.6.2 words it (decisions X-1).
    public var strictEMA: Bool

    /// The identifier used by the admin API.
    public var id: Issuer { issuer }

    /// Algorithms accepted by default (decisions, "Signing algorithms").
    /// `JWSAlgorithm` has no `none` and no HMAC case, so an allow-list can never contain them (RFC 8725 §3.1–3.2).
    public static let defaultAlgorithms: [JWSAlgorithm] = [.es256, .rs256, .ps256, .edDSA]
    /// The default and the largest accepted maximum assertion lifetime (decisions, "Lifetimes").
    public static let defaultMaximumAssertionLifetime: TimeInterval = 600

    /// Creates a trust entry with the decisions' defaults.
    public init(
        issuer: Issuer, jwksURI: String? = nil, allowedAlgorithms: [JWSAlgorithm] = TrustedIssuer.defaultAlgorithms,
        tenant: String? = nil, replayPolicy: ReplayPolicy = .singleUse,
        maximumAssertionLifetime: TimeInterval = TrustedIssuer.defaultMaximumAssertionLifetime,
        userMapping: UserMapping = .requirePreLinked, strictEMA: Bool = false
    ) {
        self.issuer = issuer
        self.jwksURI = jwksURI
        self.allowedAlgorithms = allowedAlgorithms
        self.tenant = tenant
        self.replayPolicy = replayPolicy
        self.maximumAssertionLifetime = maximumAssertionLifetime
        self.userMapping = userMapping
        self.strictEMA = strictEMA
    }

    /// Whether a presented ID-JAG `jti` is recorded and refused the second time (decisions X-2).
    public enum ReplayPolicy: String, Codable, Sendable, CaseIterable {
        /// Each `jti` is accepted once (EMA-S §7.4.2 "REQUIRED in this profile"). The default.
        case singleUse = "single-use"
        /// The same ID-JAG may be redeemed again until it expires (ID-JAG §4.4.3).
        case representableUntilExpiry = "re-presentable"
    }

    /// How the subject of an ID-JAG is matched to a local account (ID-JAG §3.1).
    public enum UserMapping: String, Codable, Sendable, CaseIterable {
        /// An account is created the first time a subject presents an ID-JAG (just-in-time provisioning).
        case createOnFirstUse = "create"
        /// The subject must already be linked to a local account. The default.
        case requirePreLinked = "require-linked"
    }

    /// Whether `alg` (as written in a JOSE header) is on this issuer's allow-list.
    public func allows(algorithm alg: String) -> Bool { allowedAlgorithms.contains { $0.rawValue == alg } }

    /// Checks the entry before it is stored.
    /// - Parameter endpointPolicy: which URLs may be issuers and JWKS endpoints (decisions X-11).
    /// - Throws: `ASRegistryError.invalid` naming the field.
    public func validate(endpointPolicy: EndpointPolicy) throws(ASRegistryError) {
        do { try endpointPolicy.check(issuer.rawValue) } catch { throw .invalid("issuer: \(error)") }
        if let jwksURI {
            do { try endpointPolicy.check(jwksURI) } catch { throw .invalid("jwks_uri: \(error)") }
        }
        guard !allowedAlgorithms.isEmpty else { throw .invalid("allowed algorithms must not be empty") }
        guard maximumAssertionLifetime > 0, maximumAssertionLifetime <= Self.defaultMaximumAssertionLifetime else {
            throw .invalid("maximum assertion lifetime must be between 1 and 600 seconds")
        }
        if let tenant, tenant.isEmpty { throw .invalid("tenant must not be empty when set") }
    }

    /// A log-safe summary.
    public var description: String {
        let algorithms = allowedAlgorithms.map(\.rawValue).joined(separator: ",")
        return "TrustedIssuer(\(issuer), algorithms: \(algorithms), replay: \(replayPolicy.rawValue), users: \(userMapping.rawValue))"
    }

    enum CodingKeys: String, CodingKey {
        case issuer
        case jwksURI = "jwks_uri"
        case allowedAlgorithms = "allowed_algorithms"
        case tenant
        case replayPolicy = "replay_policy"
        case maximumAssertionLifetime = "max_assertion_lifetime"
        case userMapping = "user_mapping"
        case strictEMA = "strict_ema"
    }

    /// Decodes an entry, applying the defaults to omitted members so the admin API can take partial JSON.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try c.decode(Issuer.self, forKey: .issuer)
        jwksURI = try c.decodeIfPresent(String.self, forKey: .jwksURI)
        allowedAlgorithms = try c.decodeIfPresent([JWSAlgorithm].self, forKey: .allowedAlgorithms) ?? Self.defaultAlgorithms
        tenant = try c.decodeIfPresent(String.self, forKey: .tenant)
        replayPolicy = try c.decodeIfPresent(ReplayPolicy.self, forKey: .replayPolicy) ?? .singleUse
        maximumAssertionLifetime =
            try c.decodeIfPresent(TimeInterval.self, forKey: .maximumAssertionLifetime) ?? Self.defaultMaximumAssertionLifetime
        userMapping = try c.decodeIfPresent(UserMapping.self, forKey: .userMapping) ?? .requirePreLinked
        strictEMA = try c.decodeIfPresent(Bool.self, forKey: .strictEMA) ?? false
    }
}

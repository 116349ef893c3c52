public import Foundation
public import Logging
import Synchronization
public import ZeroTouchCore
public import ZeroTouchJOSE
public import ZeroTouchOAuth

/// Everything the routes call, wired for one issuer: the parse → domain → encode handlers reach
/// the domain only through this.
public struct ASServices: Sendable {
    /// The issuer and its URLs.
    public let endpoints: ASEndpoints
    /// Configuration and admin changes.
    public let registry: ASRegistry
    /// The jwt-bearer grant.
    public let grant: JWTBearerGrant
    /// Introspection and revocation.
    public let introspector: AccessTokenIntrospector
    /// Client authentication for the token, introspection and revocation endpoints (RFC 6749 §2.3), audited.
    public let clientAuthenticator: AuditedClientAuthenticator
    /// The access-token signing keys.
    public let keyRing: KeyRing
    /// The audit trail, for the admin API.
    public let auditLog: any AuditLog
    /// The time source.
    public let clock: any WallClock

    /// Wires the services of `issuer`.
    public init(
        issuer: Issuer, registry: ASRegistry, jwksCache: JWKSCache, keyRing: KeyRing, dependencies: AuthorizationServerDependencies,
        leeway: TimeInterval, logger: Logger
    ) {
        let endpoints = ASEndpoints(issuer: issuer)
        let clock = dependencies.clock
        let verifier = IDJAGVerifier(
            issuer: issuer, registry: registry, keys: jwksCache, replayLedger: dependencies.replayLedger, clock: clock, leeway: leeway)
        self.endpoints = endpoints
        self.registry = registry
        self.grant = JWTBearerGrant(
            verifier: verifier, tokens: AccessTokenIssuer(issuer: issuer, keyRing: keyRing, clock: clock), auditLog: dependencies.auditLog,
            logger: logger)
        self.introspector = AccessTokenIntrospector(issuer: issuer, keyRing: keyRing, registry: registry, clock: clock)
        let audiences: Set<String> = [
            issuer.rawValue, endpoints.url(endpoints.tokenPath), endpoints.url(endpoints.introspectionPath),
            endpoints.url(endpoints.revocationPath),
        ]
        let authenticator = ClientAuthenticator(
            registry: registry,
            assertionValidator: PrivateKeyJWTValidator(
                audiences: audiences, replayLedger: dependencies.replayLedger, jwksCache: jwksCache, clock: clock))
        self.clientAuthenticator = AuditedClientAuthenticator(
            authenticator: authenticator, auditLog: dependencies.auditLog, clock: clock, logger: logger)
        self.keyRing = keyRing
        self.auditLog = dependencies.auditLog
        self.clock = clock
    }
}

/// Holds the `ASServices` once the issuer is known: at build time when configured, or when the
/// listener is bound when the issuer is derived from the port. Requests only arrive after that.
final class ASServicesSlot: Sendable {
    private let services = Mutex<ASServices?>(nil)

    /// Fills the slot.
    func fill(_ value: ASServices) { services.withLock { $0 = value } }

    /// The services.
    /// - Throws: `OAuthErrorResponse` `temporarily_unavailable` before the server is ready.
    func get() throws(OAuthErrorResponse) -> ASServices {
        guard let value = services.withLock({ $0 }) else {
            throw OAuthErrorResponse(.temporarilyUnavailable, description: "the authorization server is starting")
        }
        return value
    }
}

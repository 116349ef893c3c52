public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE
public import ZeroTouchOAuth

/// The IdP's tunable behaviour (configuration `idp.*`).
public struct IdPOptions: Sendable, Equatable {
    /// The issuer identifier; `nil` derives `http://<host>:<port>` once the listener is bound (loopback only).
    public var issuer: Issuer?
    public var lifetimes: IdPLifetimes
    public var userThrottle: ThrottleRule
    public var addressThrottle: ThrottleRule
    /// The directory group whose members may use the web admin console at `/admin` (issue 10).
    public var consoleAdminGroup: String

    /// The console's admin group when none is configured.
    public static let defaultConsoleAdminGroup = "idp-admins"

    public init(
        issuer: Issuer? = nil, lifetimes: IdPLifetimes = .standard, userThrottle: ThrottleRule = .perUser, addressThrottle: ThrottleRule = .perAddress,
        consoleAdminGroup: String = Self.defaultConsoleAdminGroup
    ) {
        self.issuer = issuer
        self.lifetimes = lifetimes
        self.userThrottle = userThrottle
        self.addressThrottle = addressThrottle
        self.consoleAdminGroup = consoleAdminGroup
    }
}

/// What the IdP runs on: the registry and the stores. Tests pass in-memory stores; the CLI the SQLite ones.
public struct IdentityProviderDependencies: Sendable {
    public var registry: IdPRegistry
    /// Where sign-ins, exchanges and refreshes are recorded (the same trail admin changes go to).
    public var auditLog: any AuditLog
    public var signingKeys: any SigningKeyStore
    /// Remembers `private_key_jwt` assertion `jti`s; without one, `private_key_jwt` is refused.
    public var replayLedger: (any ReplayLedger)?
    /// Fetches the keys of clients registered with a `jwks_uri`.
    public var jwksCache: JWKSCache?
    public var sessions: any SessionStore
    public var grants: any GrantStore
    public var clock: any WallClock

    public init(
        registry: IdPRegistry, auditLog: any AuditLog, signingKeys: any SigningKeyStore, replayLedger: (any ReplayLedger)? = nil,
        jwksCache: JWKSCache? = nil, sessions: (any SessionStore)? = nil, grants: (any GrantStore)? = nil, clock: any WallClock = SystemClock()
    ) {
        self.registry = registry
        self.auditLog = auditLog
        self.signingKeys = signingKeys
        self.replayLedger = replayLedger
        self.jwksCache = jwksCache
        self.sessions = sessions ?? InMemorySessionStore(clock: clock)
        self.grants = grants ?? InMemoryGrantStore(clock: clock)
        self.clock = clock
    }
}

/// The enterprise IdP assembled: OpenID provider, token exchange to ID-JAG, user catalog, admin (issue 3).
/// `buildIdentityProvider` serves it over HTTP.
public struct IdentityProvider: Sendable {
    /// The signing-key owner in the `SigningKeyStore`.
    public static let keyOwner = "idp"
    /// The algorithm of the IdP's keys: ES256 (decisions "Signing algorithms"; issue 3: "ID tokens ES256").
    public static let signingAlgorithm = JWSAlgorithm.es256

    public let options: IdPOptions
    public let issuer: IssuerBinding
    public let registry: IdPRegistry
    public let keyRing: KeyRing
    public let auditLog: any AuditLog
    public let clock: any WallClock
    public let signIn: SignInFlow
    public let tokens: TokenService
    public let exchange: TokenExchange
    public let access: UserAccess
    let replayLedger: (any ReplayLedger)?
    let jwksCache: JWKSCache?
    /// The key store behind `keyRing`, read by the admin console's key page.
    let signingKeys: any SigningKeyStore

    public init(options: IdPOptions = IdPOptions(), dependencies: IdentityProviderDependencies) {
        let issuer = IssuerBinding(options.issuer)
        let keyRing = KeyRing(owner: Self.keyOwner, store: dependencies.signingKeys, algorithm: Self.signingAlgorithm)
        let clock = dependencies.clock
        let registry = dependencies.registry
        self.options = options
        self.issuer = issuer
        self.registry = registry
        self.keyRing = keyRing
        self.auditLog = dependencies.auditLog
        self.clock = clock
        self.replayLedger = dependencies.replayLedger
        self.jwksCache = dependencies.jwksCache
        self.signingKeys = dependencies.signingKeys
        signIn = SignInFlow(
            registry: registry, sessions: dependencies.sessions, grants: dependencies.grants,
            throttle: LoginThrottle(clock: clock, userRule: options.userThrottle, addressRule: options.addressThrottle),
            auditLog: dependencies.auditLog, clock: clock, lifetimes: options.lifetimes, issuer: issuer,
            totpLedger: dependencies.replayLedger)
        tokens = TokenService(
            registry: registry, grants: dependencies.grants, keyRing: keyRing, issuer: issuer, auditLog: dependencies.auditLog, clock: clock,
            lifetimes: options.lifetimes)
        exchange = TokenExchange(
            registry: registry, verifier: IDTokenVerifier(keyRing: keyRing, issuer: issuer), issuer: IDJAGIssuer(keyRing: keyRing, issuer: issuer),
            auditLog: dependencies.auditLog, clock: clock)
        access = UserAccess(registry: registry, grants: dependencies.grants, clock: clock)
    }

    /// The endpoint URLs under the bound issuer.
    /// - Throws: `IssuerBinding.Unbound` before the server runs.
    public func endpoints() throws -> IdPEndpoints { IdPEndpoints(issuer: try issuer.issuer()) }

    /// Whether `private_key_jwt` client authentication is available (it needs a replay ledger).
    public var supportsPrivateKeyJWT: Bool { replayLedger != nil }

    /// The token-endpoint client authenticator (RFC 6749 §2.3): `client_secret_basic`, `client_secret_post`,
    /// `private_key_jwt` with `aud` = our issuer or an endpoint URL, and public clients where registered.
    /// - Throws: `IssuerBinding.Unbound`.
    public func clientAuthenticator() throws -> ClientAuthenticator {
        let endpoints = try endpoints()
        let validator = replayLedger.map { ledger in
            PrivateKeyJWTValidator(
                audiences: [endpoints.issuer.rawValue, endpoints.url(IdPEndpoints.tokenPath), endpoints.url(IdPEndpoints.revocationPath)],
                replayLedger: ledger, jwksCache: jwksCache, clock: clock)
        }
        return ClientAuthenticator(registry: registry, assertionValidator: validator)
    }

    /// Makes a new signing key active; the old one stays published until every token it signed has
    /// expired (`IdPLifetimes.longestSignedToken` plus the clock-skew leeway).
    /// - Throws: the key store's errors.
    @discardableResult
    public func rotateSigningKey() async throws -> SigningKey {
        try await keyRing.rotate(
            now: clock.now, retiringFor: options.lifetimes.longestSignedToken + JWTTimeRules.defaultLeeway,
            activationDelay: KeyRing.defaultActivationDelay)
    }
}

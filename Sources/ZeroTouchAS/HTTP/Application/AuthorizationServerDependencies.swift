public import ZeroTouchCore
public import ZeroTouchJOSE

/// The stores and outbound I/O the authorization server runs on, injected so that the CLI passes
/// the SQLite implementations and tests pass in-memory ones (STYLE.md "Dependency direction").
public struct AuthorizationServerDependencies: Sendable {
    /// Trust, clients, resources, users, revocations and admin tokens; admin changes are audited here.
    public var documentStore: any DocumentStore
    /// Redeemed ID-JAG `jti`s and client-assertion `jti`s.
    public var replayLedger: any ReplayLedger
    /// The access-token signing keys (owner `as`).
    public var signingKeyStore: any SigningKeyStore
    /// Redemptions and rejections.
    public var auditLog: any AuditLog
    /// Fetches trusted IdPs' JWKS; `nil` uses `HTTPJWKSFetcher` under the settings' endpoint policy.
    public var jwksFetcher: (any JWKSFetcher)?
    /// The time source.
    public var clock: any WallClock

    /// Creates the dependencies.
    public init(
        documentStore: any DocumentStore, replayLedger: any ReplayLedger, signingKeyStore: any SigningKeyStore, auditLog: any AuditLog,
        jwksFetcher: (any JWKSFetcher)? = nil, clock: any WallClock = SystemClock()
    ) {
        self.documentStore = documentStore
        self.replayLedger = replayLedger
        self.signingKeyStore = signingKeyStore
        self.auditLog = auditLog
        self.jwksFetcher = jwksFetcher
        self.clock = clock
    }
}

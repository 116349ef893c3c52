public import Logging
public import ZeroTouchCore

/// Gets access tokens for MCP servers with enterprise-managed authorization: discovery, then the
/// token exchange at the IdP (leg 1), then the jwt-bearer grant at the server's authorization
/// server (leg 2) (EMA-S §4–§5, checklist §2(a)).
///
/// For each server, in this fixed order, and the first failure wins:
/// 1. protected resource metadata (RFC 9728; `ProtectedResourceDiscovery`);
/// 2. the authorization server's metadata, `issuer` equal to the one listed (RFC 8414 §3.3);
/// 3. jwt-bearer offered; the token endpoint https (or loopback) and on the issuer's origin;
/// 4. a credential registered for that issuer (C-37) — all *before* any token is sent anywhere;
/// 5. a fresh ID-JAG from the IdP (never re-presented, decisions X-2), then the access token.
///
/// Tokens are cached per (issuer, resource), computed once under concurrency, and replaced
/// `refreshMargin` before they expire. Discovery results are cached per endpoint and metadata per
/// issuer. A final class guarded by `Mutex`es (in `SingleFlight`), as STYLE asks.
public final class EnterpriseAuthorizer: Sendable {
    /// The configuration.
    public let configuration: EnterpriseAuthorizationConfiguration
    let identity: any IdentityAssertionSource
    let clock: any WallClock
    let logger: Logger
    let contexts = SingleFlight<String, ServerAuthorizationContext>()
    let metadata = SingleFlight<Issuer, AuthorizationServerMetadata>()
    let tokens = SingleFlight<TokenKey, AccessToken>()

    /// The cache key of an access token (checklist C-37: per authorization server).
    struct TokenKey: Hashable, Sendable {
        var issuer: Issuer
        var resource: ResourceIdentifier
    }

    /// Creates an authorizer.
    /// - Parameters:
    ///   - configuration: IdP, per-issuer credentials, endpoint policy, limits.
    ///   - identity: the source of the user's ID token.
    ///   - clock: for token expiry.
    ///   - logger: receives one line per exchange; never a token or secret.
    public init(
        configuration: EnterpriseAuthorizationConfiguration, identity: any IdentityAssertionSource, clock: any WallClock = SystemClock(),
        logger: Logger = Logger(label: "zerotouch.client")
    ) {
        self.configuration = configuration
        self.identity = identity
        self.clock = clock
        self.logger = logger
    }

    /// Discovers (or recalls) what is needed to authorize at the MCP server at `endpoint`.
    /// - Parameter challenge: the server's `Bearer` challenge, when it sent one.
    /// - Throws: `ZeroTouchClientError` from discovery.
    public func context(for endpoint: String, challenge: BearerChallenge? = nil) async throws(ZeroTouchClientError) -> ServerAuthorizationContext {
        try await contexts.value(for: endpoint, isUsable: { _ in true }) { [self] () async throws(ZeroTouchClientError) in
            try await discover(endpoint: endpoint, challenge: challenge)
        }
    }

    /// A valid access token for the MCP server at `endpoint`, from the cache when one is valid.
    /// - Parameters:
    ///   - challenge: the server's `Bearer` challenge, when it sent one.
    ///   - minimumScope: scope the token must have been requested with (step-up, C-32).
    /// - Throws: `ZeroTouchClientError`; `.blockedByPolicy` with a `PolicyDenial` when the IdP's policy refuses.
    public func accessToken(
        for endpoint: String, challenge: BearerChallenge? = nil, minimumScope: Scope? = nil
    ) async throws(ZeroTouchClientError) -> AccessToken {
        let context = try await context(for: endpoint, challenge: challenge)
        let key = TokenKey(issuer: context.issuer, resource: context.resource)
        let margin = configuration.refreshMargin
        let clock = self.clock
        let wanted = Self.union(context.scope, minimumScope)
        return try await tokens.value(
            for: key,
            isUsable: { token in
                guard !token.needsRefresh(at: clock.now, margin: margin) else { return false }
                guard let minimumScope else { return true }
                return minimumScope.isSubset(of: token.requestedScope ?? Scope([String]()))
            },
            make: { [self] () async throws(ZeroTouchClientError) in try await fetchToken(context: context, scope: wanted) })
    }

    /// The access token to send to `endpoint` now, or `nil` when the server has not been discovered
    /// yet (the first request goes without one and its 401 starts discovery, C-2).
    /// - Throws: `ZeroTouchClientError` when a token was due for renewal and renewal failed.
    public func currentToken(for endpoint: String) async throws(ZeroTouchClientError) -> AccessToken? {
        guard contexts.peek(endpoint) != nil else { return nil }
        return try await accessToken(for: endpoint)
    }

    /// A new token after the MCP server refused `rejected` with 401 (RFC 6750 §3.1): the cached token
    /// is dropped and a new one obtained, discovering the server first if needed.
    /// - Throws: `ZeroTouchClientError`.
    public func tokenAfterUnauthorized(
        for endpoint: String, challenge: BearerChallenge?, rejected: AccessToken?
    ) async throws(ZeroTouchClientError) -> AccessToken {
        if let context = contexts.peek(endpoint) {
            let key = TokenKey(issuer: context.issuer, resource: context.resource)
            tokens.invalidate(key) { rejected == nil || $0 == rejected }
        }
        return try await accessToken(for: endpoint, challenge: challenge)
    }

    /// A token with a wider scope after a 403 `insufficient_scope` (MCP 2025-11-25 "Step-Up
    /// Authorization Flow", C-32): a new exchange asking for the scope already requested plus the
    /// challenge's `scope`.
    /// - Throws: `ZeroTouchClientError.insufficientScope` when the challenge asks for nothing new.
    public func tokenAfterInsufficientScope(
        for endpoint: String, challenge: BearerChallenge, rejected: AccessToken?
    ) async throws(ZeroTouchClientError) -> AccessToken {
        let asked = rejected?.requestedScope ?? Scope([String]())
        guard let needed = challenge.scope, !needed.isSubset(of: asked) else {
            throw ZeroTouchClientError(
                .insufficientScope, "the MCP server requires more scope than this client can ask for", url: endpoint, status: 403)
        }
        logger.info("step-up authorization", metadata: ["endpoint": "\(endpoint)", "scope": "\(asked.union(needed))"])
        return try await accessToken(for: endpoint, challenge: nil, minimumScope: asked.union(needed))
    }

    /// Forgets every cached token and discovery result (e.g. after logout).
    public func reset() {
        tokens.removeAll()
        contexts.removeAll()
        metadata.removeAll()
    }

    static func union(_ a: Scope?, _ b: Scope?) -> Scope? {
        switch (a, b) {
        case (nil, nil): nil
        case (let a?, nil): a
        case (nil, let b?): b
        case (let a?, let b?): a.union(b)
        }
    }
}

public import Foundation
public import ZeroTouchCore

/// The browser side of the OpenID provider: `/authorize`, the sign-in form with its optional second
/// factor, sessions for single sign-on, and authorization codes (OpenID Connect Core §3.1.2; issue 3, item 1).
///
/// Every sign-in, successful or not, is audited (event `login`) before the page answers; the username
/// of an unknown account is never recorded (people type passwords into it).
public struct SignInFlow: Sendable {
    let registry: IdPRegistry
    let sessions: any SessionStore
    let grants: any GrantStore
    let throttle: LoginThrottle
    let auditLog: any AuditLog
    let clock: any WallClock
    let lifetimes: IdPLifetimes
    let issuer: IssuerBinding
    /// Where accepted TOTP steps are recorded across replicas (RFC 6238 §5.2), when shared.
    let totpLedger: (any ReplayLedger)?

    public init(
        registry: IdPRegistry, sessions: any SessionStore, grants: any GrantStore, throttle: LoginThrottle, auditLog: any AuditLog,
        clock: any WallClock, lifetimes: IdPLifetimes, issuer: IssuerBinding, totpLedger: (any ReplayLedger)? = nil
    ) {
        self.registry = registry
        self.sessions = sessions
        self.grants = grants
        self.throttle = throttle
        self.auditLog = auditLog
        self.clock = clock
        self.lifetimes = lifetimes
        self.issuer = issuer
        self.totpLedger = totpLedger
    }

    /// The audit `event` of sign-in records.
    public static let auditEvent = "login"

    /// What `/authorize` does with a checked request.
    public enum AuthorizeOutcome: Sendable, Equatable {
        /// Redirect the browser: the code response (single sign-on through the session).
        case redirect(location: String)
        /// Show the sign-in form for `pending`; set the browser-binding cookie to `browserSecret` when given.
        case signIn(PendingSignIn, browserSecret: OpaqueToken?)
    }

    /// Answers a checked authorization request: a code at once when the session is valid (and neither
    /// `prompt=login` nor `max_age` ask for a new sign-in), `login_required` for `prompt=none`, else a sign-in.
    /// - Parameters:
    ///   - sessionToken: the session cookie, if any.
    ///   - browserSecret: the browser-binding cookie, if any; kept so that several tabs can sign in.
    /// - Throws: `AuthorizationRequestRejection.loginRequired`; store errors.
    public func authorize(_ request: AuthorizationRequest, sessionToken: String?, browserSecret: String?) async throws -> AuthorizeOutcome {
        let now = clock.now
        if let session = try await validSession(sessionToken, for: request, now: now) {
            return .redirect(location: try await issueCode(for: request, user: session.userID, authentication: session.authentication, now: now))
        }
        if request.forbidsInteraction { throw AuthorizationRequestRejection.loginRequired(request.redirect) }
        let existing = browserSecret.flatMap { Self.isWellFormed($0) ? OpaqueToken($0) : nil }
        let secret = existing ?? OpaqueToken.generate()
        let pending = PendingSignIn(
            id: OpaqueToken.generate().value, request: request, csrfToken: OpaqueToken.generate().value, browserBinding: secret.hash,
            expiresAt: now.addingTimeInterval(lifetimes.pendingSignIn))
        try await sessions.savePendingSignIn(pending)
        return .signIn(pending, browserSecret: existing == nil ? secret : nil)
    }

    /// The session behind `token`, if it is valid for `request`.
    private func validSession(_ token: String?, for request: AuthorizationRequest, now: Date) async throws -> BrowserSession? {
        guard !request.forcesLogin, let session = try await session(for: token, now: now) else { return nil }
        if let maximumAge = request.maximumAuthenticationAge,
            now.timeIntervalSince(session.authentication.authenticatedAt) > TimeInterval(maximumAge)
        {
            return nil
        }
        return session
    }

    /// The unexpired session behind a session cookie value, for an active user.
    public func session(for token: String?, now: Date) async throws -> BrowserSession? {
        guard let token, Self.isWellFormed(token), let session = try await sessions.session(TokenHash(of: token), now: now),
            registry.snapshot.user(session.userID)?.isActive == true
        else { return nil }
        return session
    }

    /// Stores a code for `request` and returns the redirect carrying it (RFC 6749 §4.1.2, RFC 9207 `iss`).
    func issueCode(for request: AuthorizationRequest, user: UserID, authentication: AuthenticationContext, now: Date) async throws -> String {
        let code = OpaqueToken.generate()
        let grant = AuthorizationCodeGrant(
            clientID: request.clientID, redirectURI: request.redirect.redirectURI, scope: request.scope, nonce: request.nonce,
            codeChallenge: request.codeChallenge, userID: user, authentication: authentication,
            expiresAt: now.addingTimeInterval(lifetimes.authorizationCode), family: .generate())
        try await grants.saveCode(grant, hash: code.hash)
        return request.redirect.location(with: [("code", code.value)], issuer: try issuer.issuer())
    }

    /// Whether a cookie value can be one of our opaque tokens.
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43 && value.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0)
            || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}

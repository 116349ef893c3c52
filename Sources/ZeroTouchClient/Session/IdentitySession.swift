import Foundation
public import ZeroTouchCore

/// The logged-in user's session from the credentials file, renewed with the refresh token when
/// the ID token (or the IdP access token) is about to expire, and saved again (C-31: "If the ID
/// Token has expired, the client MAY use the IdP refresh token … otherwise it SHOULD
/// re-authenticate the user"). Concurrent callers share one renewal.
public final class IdentitySession: IdentityAssertionSource {
    /// Where the session is kept.
    public let store: CredentialStore
    let signOn: SingleSignOn
    let clock: any WallClock
    private let current = SingleFlight<Int, StoredCredentials>()

    /// Creates a session over `store`, renewing through `signOn`'s IdP settings.
    public init(store: CredentialStore, signOn: SingleSignOn, clock: any WallClock = SystemClock()) {
        self.store = store
        self.signOn = signOn
        self.clock = clock
    }

    /// The session with an ID token valid for at least another minute.
    /// - Throws: `ZeroTouchClientError.notLoggedIn`, `.loginRequired`, `.credentialStoreFailed`, `.transportFailed`.
    public func credentials() async throws(ZeroTouchClientError) -> StoredCredentials {
        try await fresh { credentials, now in credentials.idTokenNeedsRenewal(at: now) }
    }

    /// The ID token for token exchanges (the Identity Assertion, EMA-S §3).
    public func idToken() async throws(ZeroTouchClientError) -> SecretValue { try await credentials().idToken }

    /// The IdP access token, for reading the catalog of MCP servers.
    /// - Throws: as `credentials()`.
    public func catalogAccessToken() async throws(ZeroTouchClientError) -> SecretValue {
        let credentials = try await fresh { credentials, now in
            credentials.idTokenNeedsRenewal(at: now) || credentials.accessTokenNeedsRenewal(at: now)
        }
        guard let token = credentials.accessToken else {
            throw ZeroTouchClientError(.loginRequired, "the session has no IdP access token", nextStep: "Run `zerotouch login` again")
        }
        return token
    }

    private func fresh(
        _ needsRenewal: @escaping @Sendable (StoredCredentials, Date) -> Bool
    ) async throws(ZeroTouchClientError) -> StoredCredentials {
        let clock = self.clock
        return try await current.value(for: 0, isUsable: { !needsRenewal($0, clock.now) }) { [store, signOn] () async throws(ZeroTouchClientError) in
            guard let stored = try store.load() else {
                throw ZeroTouchClientError(.notLoggedIn, "you are not logged in", nextStep: "Run `zerotouch login`")
            }
            guard needsRenewal(stored, clock.now) else { return stored }
            let renewed = try await signOn.renew(stored)
            try store.save(renewed)
            return renewed
        }
    }
}

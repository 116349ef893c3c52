public import Foundation
import Synchronization
public import ZeroTouchClient
public import ZeroTouchCore

/// The `zerotouch` CLI's client library wired to a dev environment, as the demo and the end-to-end
/// tests use it: the same `SingleSignOn`, `IdentitySession`, `EnterpriseAuthorizer` and
/// `MCPConnector` as `zerotouch login`/`servers`/`call`, with the CLI profile's credentials.
public struct DevClient: Sendable {
    /// The URLs.
    public let topology: DevTopology
    /// The CLI's client credentials at the IdP and the authorization server.
    public let profile: ClientProfile
    /// The environment's clock, so tokens expire on the same time line as the servers'.
    public let clock: any WallClock
    /// Where each user's credentials file is kept (0700).
    public let sessionsDirectory: URL

    /// A client for `topology` with `profile`'s credentials.
    public init(topology: DevTopology, profile: ClientProfile, clock: any WallClock, sessionsDirectory: URL) {
        self.topology = topology
        self.profile = profile
        self.clock = clock
        self.sessionsDirectory = sessionsDirectory
    }

    /// The credential at the IdP (sign-in and token exchange, EMA-S §4).
    var identityProviderCredential: TokenEndpointCredential {
        get throws(ZeroTouchClientError) { try profile.identityProvider.credential() }
    }

    /// The credentials per authorization server (jwt-bearer grant, EMA-S §5), keyed by issuer.
    var authorizationServerCredentials: AuthorizationServerCredentials {
        get throws(ZeroTouchClientError) { try profile.authorizationServerCredentials() }
    }

    /// Signs `browser`'s user in with the authorization code flow (PKCE S256, `state`, `nonce`) through
    /// the IdP's real sign-in pages, saves the session and returns it ready to connect.
    /// - Throws: `BrowserSignInError` when the sign-in page refused the user (wrong password,
    ///   suspended account); `ZeroTouchClientError` for the client library's own checks.
    public func logIn(_ browser: ScriptedBrowser) async throws -> DevSession {
        let signOn = SingleSignOn(
            settings: LoginSettings(
                issuer: topology.identityProviderIssuer, credential: try identityProviderCredential, browserTimeout: .seconds(30)),
            clock: clock)
        let browserFailure = Mutex<(any Error)?>(nil)
        let credentials: StoredCredentials
        do {
            credentials = try await signOn.logIn { url in
                do {
                    try await browser.signIn(at: url)
                } catch {
                    browserFailure.withLock { $0 = error }
                    throw error
                }
            }
        } catch {
            throw browserFailure.withLock { $0 } ?? error
        }
        let store = CredentialStore(fileURL: sessionsDirectory.appendingPathComponent("\(browser.username)-credentials.json"))
        try store.save(credentials)
        let session = IdentitySession(store: store, signOn: signOn, clock: clock)
        let authorizer = EnterpriseAuthorizer(
            configuration: EnterpriseAuthorizationConfiguration(
                identityProvider: IdentityProviderSettings(issuer: topology.identityProviderIssuer, credential: try identityProviderCredential),
                authorizationServers: try authorizationServerCredentials),
            identity: session, clock: clock)
        return DevSession(
            username: browser.username, credentials: credentials, session: session, connector: MCPConnector(authorizer: authorizer),
            catalog: ServerCatalogClient(issuer: topology.identityProviderIssuer), topology: topology)
    }
}

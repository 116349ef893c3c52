import Foundation
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchTesting
@testable import ZeroTouchIdP

/// Where the fixture's IdP keeps sessions, codes and tokens: the one-process in-memory stores, or the
/// replica-shared stores over a `TransientStore` (issue 8), so the same flows are tested on both.
enum RuntimeStores: String, CaseIterable, Sendable {
    case inMemory
    case shared

    func sessions(clock: ManualClock) -> any SessionStore {
        switch self {
        case .inMemory: InMemorySessionStore(clock: clock)
        case .shared: TransientSessionStore(store: InMemoryTransientStore(), clock: clock, purgeEvery: 4)
        }
    }

    func grants(clock: ManualClock) -> any GrantStore {
        switch self {
        case .inMemory: InMemoryGrantStore(clock: clock)
        case .shared: TransientGrantStore(store: InMemoryTransientStore(), clock: clock, purgeEvery: 4)
        }
    }
}

/// A whole IdP over in-memory stores with a manual clock and bcrypt cost 4, seeded with:
/// - users alice (password only), bob (with TOTP), carol (denied by a rule), dave (to suspend);
/// - servers files (read write admin) and calendar (read), each at its own authorization server;
/// - clients `cli` (client_secret_basic, at both servers), `web` (client_secret_post, at files only),
///   `native` (public, loopback redirect, at files);
/// - rules: everyone may use files with read write; admin needs a second factor; carol is denied
///   files; alice may use calendar read.
struct IdPFixture {
    static let issuer = Issuer("https://idp.example.com")
    static let password = "correct horse battery"
    static let admin = "admin@example.com"
    static let cliRedirect = "https://cli.example.com/callback"
    static let nativeRedirect = "http://127.0.0.1/callback"

    let clock: ManualClock
    let store: InMemoryDocumentStore
    let registry: IdPRegistry
    let provider: IdentityProvider
    let alice: User
    let bob: User
    let carol: User
    let dave: User
    let bobTOTPSecret: String
    let files: MCPServer
    let calendar: MCPServer
    let cliSecret: String
    let webSecret: String

    var auditLog: InMemoryAuditLog { store.auditLog }

    static func make(
        issuer: Issuer? = IdPFixture.issuer, options: IdPOptions = IdPOptions(), filesIncludesEmail: Bool = false,
        runtime: RuntimeStores = .inMemory
    ) async throws -> IdPFixture {
        let clock = ManualClock()
        let store = InMemoryDocumentStore()
        let registry = try await IdPRegistry(store: store, clock: clock, passwordHasher: RegistryFixture.hasher, endpointPolicy: .standard)
        var options = options
        options.issuer = issuer
        let provider = IdentityProvider(
            options: options,
            dependencies: IdentityProviderDependencies(
                registry: registry, auditLog: store.auditLog, signingKeys: InMemorySigningKeyStore(), replayLedger: InMemoryReplayLedger(),
                sessions: runtime.sessions(clock: clock), grants: runtime.grants(clock: clock), clock: clock))
        func user(_ name: String) async throws -> User {
            try await registry.createUser(
                UserDetails(username: name, email: "\(name)@example.com", displayName: name.capitalized), password: password, by: admin)
        }
        let alice = try await user("alice"), bob = try await user("bob"), carol = try await user("carol"), dave = try await user("dave")
        let enrollment = try await registry.enrollSecondFactor(for: bob.id, by: admin)
        let files = try await registry.createServer(
            ServerDraft(
                id: "s-files", name: "Files", resource: "https://files.example.com/mcp", authorizationServer: "https://auth.files.example.com",
                scopes: [ScopeDefinition("read"), ScopeDefinition("write"), ScopeDefinition("admin")], includesEmail: filesIncludesEmail
            ).server(), by: admin)
        let calendar = try await registry.createServer(
            ServerDraft(
                id: "s-calendar", name: "Calendar", resource: "https://calendar.example.com/mcp",
                authorizationServer: "https://auth.calendar.example.com", scopes: [ScopeDefinition("read")]
            ).server(), by: admin)
        let cli = try await registry.register(
            ClientDraft(
                id: "cli", name: "ZeroTouch CLI", method: .clientSecretBasic, redirectURIs: [cliRedirect],
                serverClientIDs: [files.id: "cli-at-files", calendar.id: "cli-at-calendar"]), by: admin)
        let web = try await registry.register(
            ClientDraft(id: "web", name: "Web host", method: .clientSecretPost, redirectURIs: ["https://web.example.com/cb"], serverClientIDs: [files.id: "web-at-files"]),
            by: admin)
        _ = try await registry.register(
            ClientDraft(
                id: "native", name: "Native app", method: .none, applicationType: .native, redirectURIs: [nativeRedirect],
                serverClientIDs: [files.id: "native-at-files"]), by: admin)
        for rule in [
            RuleDraft(id: "r-files", name: "files for all", effect: .allow, subjects: .everyone, servers: [files.id], scopes: ["read", "write"]),
            RuleDraft(
                id: "r-files-admin", name: "files admin with otp", effect: .allow, subjects: .everyone, servers: [files.id], scopes: ["admin"],
                conditions: PolicyConditions(requiresSecondFactor: true)),
            RuleDraft(id: "r-deny-carol", name: "no files for carol", effect: .deny, subjects: .users(carol.id), servers: [files.id]),
            RuleDraft(id: "r-calendar", name: "calendar for alice", effect: .allow, subjects: .users(alice.id), servers: [calendar.id]),
        ] {
            try await registry.createRule(rule.rule(), by: admin)
        }
        return IdPFixture(
            clock: clock, store: store, registry: registry, provider: provider, alice: alice, bob: bob, carol: carol, dave: dave,
            bobTOTPSecret: enrollment.secret, files: files, calendar: calendar, cliSecret: cli.clientSecret!, webSecret: web.clientSecret!)
    }

    /// A client as the token endpoint would have authenticated it.
    static func authenticated(_ id: ClientID, method: ClientAuthenticationMethod = .clientSecretBasic) -> AuthenticatedClient {
        AuthenticatedClient(clientID: id, method: method)
    }

    /// An ID token for `user` issued to `client`, signed in with `methods` `age` seconds ago.
    func idToken(for user: User, client: ClientID = "cli", methods: Set<String> = ["pwd"], age: TimeInterval = 0) async throws -> String {
        let authentication = AuthenticationContext(methods: methods, authenticatedAt: clock.now.addingTimeInterval(-age))
        return try await provider.tokens.issueTokens(
            for: user, client: client, scope: ["openid"], authentication: authentication, nonce: nil, family: .generate(),
            familyExpiresAt: clock.now.addingTimeInterval(3600), now: clock.now
        ).response.idToken
    }

    /// A token-exchange form for `files`; `changes` replace (or, with `nil`, remove) parameters.
    func exchangeForm(subjectToken: String, scope: String? = nil, _ changes: [String: String?] = [:]) -> URLEncodedForm {
        var parameters = [
            "grant_type": GrantType.tokenExchange.rawValue, "requested_token_type": TokenType.idJAG.rawValue,
            "subject_token_type": TokenType.idToken.rawValue, "subject_token": subjectToken,
            "audience": files.authorizationServer.rawValue, "resource": files.resource.rawValue,
        ]
        if let scope { parameters["scope"] = scope }
        for (name, value) in changes { parameters[name] = value }
        return URLEncodedForm(parameters)
    }

    /// The current TOTP code of bob (a step later than any used so far when `step` is given).
    func bobCode(offset: Int64 = 0) -> String {
        let totp = TOTP(base32Secret: bobTOTPSecret)!
        let code = totp.code(atStep: TOTP.step(at: clock.now) + offset)
        let digits = String(code)
        return String(repeating: "0", count: TOTP.digits - digits.count) + digits
    }
}

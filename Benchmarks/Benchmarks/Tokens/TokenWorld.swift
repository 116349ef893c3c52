import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchResourceServer
import ZeroTouchTesting

/// One IdP, one authorization server and one resource server, in process, with in-memory stores
/// and fixed key sources: what the token benchmarks measure against.
struct TokenWorld: Sendable {
    static let idp: Issuer = "https://idp.example.com"
    static let authorizationServer: Issuer = "https://auth.example.com"
    static let resource: ResourceIdentifier = "https://mcp.example.com/mcp"
    static let clientID: ClientID = "at-client-1"
    static let secret = "bench-client-secret"
    static let idpSubject: Subject = "u12345"
    /// Tokens signed before a verify benchmark: warm-up + maximum iterations, with a margin.
    static let presignedCount = 22_000

    let clock: ManualClock
    let idpKey: SigningKey
    let verifier: IDJAGVerifier
    let grant: JWTBearerGrant
    let client: AuthenticatedClient

    static func make() async throws -> TokenWorld {
        let clock = ManualClock()
        let store = InMemoryDocumentStore()
        let registry = try await ASRegistry(store: store, clock: clock)
        try await registry.putTrustedIssuer(TrustedIssuer(issuer: idp, jwksURI: "https://idp.example.com/jwks"), actor: "bench")
        try await registry.putResource(ProtectedResource(identifier: resource, scopes: ["read", "write"]), actor: "bench")
        let credentials = ClientCredentials(clientID: clientID, method: .clientSecretPost, secretHash: ClientSecret.hash(secret))
        try await registry.putClient(ZeroTouchAS.RegisteredClient(credentials: credentials, allowedResources: [resource]), actor: "bench")
        _ = try await registry.createUser(identities: [LinkedIdentity(issuer: idp, subject: idpSubject)], actor: "bench")
        let idpKey = try SigningKey.generate(.es256, keyID: "idp-es256-1")
        let cache = JWKSCache(fetcher: FixedJWKSFetcher([idpKey]), clock: clock)
        let verifier = IDJAGVerifier(
            issuer: authorizationServer, registry: registry, keys: cache, replayLedger: InMemoryReplayLedger(), clock: clock)
        let grant = JWTBearerGrant(
            verifier: verifier,
            tokens: AccessTokenIssuer(
                issuer: authorizationServer, keyRing: KeyRing(owner: "as", store: InMemorySigningKeyStore()), clock: clock),
            auditLog: store.auditLog)
        // The client authenticates once, through the public authenticator, as the token endpoint does.
        let form = URLEncodedForm(["client_id": clientID.rawValue, "client_secret": secret])
        let client = try await ClientAuthenticator(registry: FixedCredentials(credentials: credentials))
            .authenticate(form: form, authorization: nil)
        return TokenWorld(clock: clock, idpKey: idpKey, verifier: verifier, grant: grant, client: client)
    }

    /// The claims of one ID-JAG as ZeroTouch's IdP issues it, with a fresh `jti`.
    func idJAGClaims() -> IDJAGClaims {
        let now = Date(timeIntervalSince1970: clock.now.timeIntervalSince1970.rounded(.down))
        return IDJAGClaims(
            issuer: Self.idp, subject: UserID(Self.idpSubject.rawValue), audience: Self.authorizationServer, clientID: Self.clientID,
            resource: Self.resource, scope: ["read"], jwtID: JTI(UUID().uuidString), issuedAt: now,
            expiresAt: now.addingTimeInterval(300), authTime: now.addingTimeInterval(-60), methods: ["otp", "pwd"], email: nil)
    }

    /// `count` ID-JAGs signed by the IdP's key, each with its own `jti`.
    func presignedIDJAGs(_ count: Int = presignedCount) throws -> [String] {
        try (0 ..< count).map { _ in try idpKey.sign(idJAGClaims(), type: EnterpriseManagedAuthorization.idJAGType) }
    }
}

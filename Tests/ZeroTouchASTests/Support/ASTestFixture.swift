import Foundation
import ZeroTouchAS
import ZeroTouchCore
@testable import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchTesting

/// One valid configuration and one valid ID-JAG, following Cloudflare's `validClaims`: each test
/// changes one field and asserts the exact rejection.
struct ASTestFixture {
    static let issuer: Issuer = "https://as.example"
    static let idp: Issuer = "https://idp.example"
    static let resource: ResourceIdentifier = "https://mcp.example/mcp"
    static let otherResource: ResourceIdentifier = "https://other-mcp.example/mcp"
    static let clientID: ClientID = "client-1"
    static let secret = "client-1-secret"
    static let idpSubject: Subject = "idp-user-1"
    static let localUser: LocalUserID = "local-user-1"
    static let idpKeyID: KeyID = "idp-es256-1"

    let clock: ManualClock
    let store: InMemoryDocumentStore
    let registry: ASRegistry
    let fetcher: StaticJWKSFetcher
    let jwksCache: JWKSCache
    let ledger: InMemoryReplayLedger
    let idpKey: SigningKey
    let keyRing: KeyRing

    /// Builds the fixture; `configure` may change the trust entry before it is stored.
    static func make(configure: (inout TrustedIssuer) -> Void = { _ in }) async throws -> ASTestFixture {
        let clock = ManualClock()
        let store = InMemoryDocumentStore()
        let registry = try await ASRegistry(store: store, clock: clock)
        var trust = TrustedIssuer(issuer: idp, jwksURI: "https://idp.example/jwks")
        configure(&trust)
        try await registry.putTrustedIssuer(trust, actor: "test")
        try await registry.putResource(ProtectedResource(identifier: resource, scopes: ["files:read", "files:write"]), actor: "test")
        try await registry.putResource(ProtectedResource(identifier: otherResource, scopes: ["other"]), actor: "test")
        try await registry.putClient(
            RegisteredClient(
                credentials: ClientCredentials(clientID: clientID, method: .clientSecretPost, secretHash: ClientSecret.hash(secret)),
                allowedResources: [resource]),
            actor: "test")
        try await registry.createUser(id: localUser, identities: [LinkedIdentity(issuer: idp, subject: idpSubject)], actor: "test")
        let fetcher = StaticJWKSFetcher()
        let idpKey = try SigningKey.generate(.es256, keyID: idpKeyID)
        fetcher.publish([idpKey], for: idp)
        return ASTestFixture(
            clock: clock, store: store, registry: registry, fetcher: fetcher,
            jwksCache: JWKSCache(fetcher: fetcher, clock: clock), ledger: InMemoryReplayLedger(), idpKey: idpKey,
            keyRing: KeyRing(owner: "as", store: InMemorySigningKeyStore()))
    }

    /// The authenticated client of the token request.
    var client: AuthenticatedClient { AuthenticatedClient(clientID: Self.clientID, method: .clientSecretPost) }

    /// The valid claims at the fixture's current time.
    func validClaims() -> [String: JSONValue] {
        let now = Int64(clock.now.timeIntervalSince1970)
        return [
            "iss": .string(Self.idp.rawValue), "sub": .string(Self.idpSubject.rawValue), "aud": .string(Self.issuer.rawValue),
            "client_id": .string(Self.clientID.rawValue), "jti": .string(UUID().uuidString), "iat": .integer(now),
            "exp": .integer(now + 300), "resource": .string(Self.resource.rawValue), "scope": .string("files:read"),
        ]
    }

    /// The rules of a redemption by the fixture's client now.
    func rules(requestedResource: ResourceIdentifier? = nil, requestedScope: Scope? = nil) -> IDJAGRules {
        IDJAGRules(
            expectedAudience: Self.issuer, client: Self.clientID, configuration: registry.snapshot, now: clock.now,
            requestedResource: requestedResource, requestedScope: requestedScope)
    }

    /// The trust entry of the fixture's IdP.
    var trust: TrustedIssuer { registry.snapshot.trustedIssuers[Self.idp]! }

    /// A verifier over the fixture.
    var verifier: IDJAGVerifier {
        IDJAGVerifier(issuer: Self.issuer, registry: registry, keys: jwksCache, replayLedger: ledger, clock: clock)
    }

    /// The grant over the fixture, auditing into the store's audit log.
    var grant: JWTBearerGrant {
        JWTBearerGrant(
            verifier: verifier, tokens: AccessTokenIssuer(issuer: Self.issuer, keyRing: keyRing, clock: clock),
            auditLog: store.auditLog)
    }

    /// The claims signed as an ID-JAG with `key` (the IdP's by default).
    func assertion(_ claims: [String: JSONValue]? = nil, key: SigningKey? = nil) throws -> String {
        try (key ?? idpKey).sign(claims ?? validClaims(), type: EnterpriseManagedAuthorization.idJAGType)
    }

    /// A compact JWS with any header, signed by `key` (or with a junk signature).
    static func compact(header: [String: JSONValue], claims: [String: JSONValue], key: SigningKey?) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let input = Base64URL.encode(try encoder.encode(header)) + "." + Base64URL.encode(try encoder.encode(claims))
        let signature = try key.map { try $0.signature(for: Array(input.utf8)) } ?? Array(repeating: 7, count: 64)
        return input + "." + Base64URL.encode(signature)
    }
}

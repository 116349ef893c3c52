import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchOAuth
import ZeroTouchTesting

@Suite("The authorization server's registry")
struct ASRegistryTests {
    @Test("every admin change is audited in the same apply")
    func changesAreAudited() async throws {
        let fixture = try await ASTestFixture.make()
        let events = fixture.store.auditRecords.map(\.event)
        #expect(events == ["admin.trust.create", "admin.resource.create", "admin.resource.create", "admin.client.create", "admin.user.create"])
        #expect(fixture.store.auditRecords.allSatisfy { $0.service == "as" && $0.actor == "test" && $0.outcome == .success })
    }

    @Test("a second registry over the same store sees the same configuration")
    func reloadsFromStore() async throws {
        let fixture = try await ASTestFixture.make()
        let other = try await ASRegistry(store: fixture.store, clock: fixture.clock)
        #expect(other.snapshot == fixture.registry.snapshot)
        try await fixture.registry.setClientDisabled(ASTestFixture.clientID, true, actor: "admin")
        #expect(try await other.reloadIfChanged())
        #expect(other.snapshot.clients[ASTestFixture.clientID]?.isDisabled == true)
        #expect(try await other.reloadIfChanged() == false)
    }

    @Test("an IdP subject can be linked to one user only")
    func identityLinkedOnce() async throws {
        let fixture = try await ASTestFixture.make()
        let identity = LinkedIdentity(issuer: ASTestFixture.idp, subject: ASTestFixture.idpSubject)
        await #expect(throws: ASRegistryError.alreadyExists("identity \(identity)")) {
            try await fixture.registry.createUser(id: "someone-else", identities: [identity], actor: "test")
        }
        try await fixture.registry.unlinkIdentity(identity, from: ASTestFixture.localUser, actor: "test")
        try await fixture.registry.createUser(id: "someone-else", identities: [identity], actor: "test")
        #expect(fixture.registry.snapshot.user(linkedTo: identity)?.id == "someone-else")
    }

    @Test("concurrent provisioning of one subject creates one user")
    func provisioningIsIdempotent() async throws {
        let fixture = try await ASTestFixture.make()
        let identity = LinkedIdentity(issuer: ASTestFixture.idp, tenant: "t1", subject: "new-subject")
        let users = try await withThrowingTaskGroup(of: LocalUser.self) { group in
            for _ in 0..<6 { group.addTask { try await fixture.registry.provisionUser(for: identity) } }
            return try await group.reduce(into: [LocalUser]()) { $0.append($1) }
        }
        #expect(Set(users.map(\.id)).count == 1)
        #expect(fixture.registry.snapshot.users.values.filter { $0.identities.contains(identity) }.count == 1)
        #expect(fixture.store.auditRecords.filter { $0.event == "user.provision" }.count == 1)
    }

    @Test("trust entries are validated", arguments: [
        TrustedIssuer(issuer: "http://idp.example"),
        TrustedIssuer(issuer: "https://idp.example", jwksURI: "ftp://idp.example/jwks"),
        TrustedIssuer(issuer: "https://idp.example", allowedAlgorithms: []),
        TrustedIssuer(issuer: "https://idp.example", maximumAssertionLifetime: 601),
    ])
    func trustValidated(_ trust: TrustedIssuer) async throws {
        let registry = try await ASRegistry(store: InMemoryDocumentStore())
        await #expect(throws: ASRegistryError.self) { try await registry.putTrustedIssuer(trust, actor: "test") }
    }

    @Test("a client may only be allowed registered resources, and public clients are refused")
    func clientsValidated() async throws {
        let fixture = try await ASTestFixture.make()
        let unknown = RegisteredClient(
            credentials: ClientCredentials(clientID: "c2", method: .clientSecretBasic, secretHash: ClientSecret.hash("s")),
            allowedResources: ["https://nowhere.example"])
        await #expect(throws: ASRegistryError.invalid("resource https://nowhere.example is not registered")) {
            try await fixture.registry.putClient(unknown, actor: "test")
        }
        let publicClient = RegisteredClient(credentials: ClientCredentials(clientID: "c3", method: .none), allowedResources: [])
        await #expect(throws: ASRegistryError.self) { try await fixture.registry.putClient(publicClient, actor: "test") }
    }

    @Test("a resource in use by a client cannot be removed")
    func resourceInUse() async throws {
        let fixture = try await ASTestFixture.make()
        await #expect(throws: ASRegistryError.self) { try await fixture.registry.removeResource(ASTestFixture.resource, actor: "test") }
        try await fixture.registry.removeResource(ASTestFixture.otherResource, actor: "test")
        #expect(fixture.registry.snapshot.resources[ASTestFixture.otherResource] == nil)
    }

    @Test("admin tokens are stored hashed and checked by id and secret")
    func adminTokens() async throws {
        let fixture = try await ASTestFixture.make()
        let token = try await fixture.registry.createAdminToken(name: "ops", actor: "cli")
        let stored = try #require(fixture.registry.snapshot.adminTokens.values.first)
        #expect(!stored.secretHash.contains(String(token.split(separator: ".")[1])))
        #expect(fixture.registry.authenticateAdmin(token)?.name == "ops")
        #expect(fixture.registry.authenticateAdmin(token + "x") == nil)
        #expect(fixture.registry.authenticateAdmin("adm-0000000000000000.nope") == nil)
        #expect(fixture.registry.authenticateAdmin("garbage") == nil)
        try await fixture.registry.removeAdminToken(id: stored.id, actor: "cli")
        #expect(fixture.registry.authenticateAdmin(token) == nil)
    }

    @Test("the registry answers client credentials from the snapshot")
    func credentialsProvider() async throws {
        let fixture = try await ASTestFixture.make()
        #expect(try await fixture.registry.credentials(for: ASTestFixture.clientID)?.method == .clientSecretPost)
        #expect(try await fixture.registry.credentials(for: "nobody") == nil)
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Catalog and client validation")
struct CatalogValidationTests {
    static func invalidServers() -> [(String, MCPServer)] {
        let good = RegistryFixture.server("files")
        func with(_ change: (inout MCPServer) -> Void) -> MCPServer {
            var server = good
            change(&server)
            return server
        }
        return [
            ("http resource", with { $0.resource = "http://files.example.com/mcp" }),
            ("resource with fragment", with { $0.resource = "https://files.example.com/mcp#x" }),
            ("relative resource", with { $0.resource = "/mcp" }),
            ("http issuer", with { $0.authorizationServer = "http://auth.example.com" }),
            ("issuer with query", with { $0.authorizationServer = "https://auth.example.com?tenant=1" }),
            ("empty name", with { $0.name = "" }),
            ("long name", with { $0.name = String(repeating: "n", count: 201) }),
            ("bad scope token", with { $0.scopes = [ScopeDefinition("has space")] }),
            ("repeated scope", with { $0.scopes = [ScopeDefinition("read"), ScopeDefinition("read")] }),
            ("101 scopes", with { $0.scopes = (0...100).map { ScopeDefinition("s\($0)") } }),
            ("lifetime 0", with { $0.idJAGLifetime = 0 }),
            ("lifetime 601", with { $0.idJAGLifetime = 601 }),
        ]
    }

    @Test("invalid catalog entries are refused and nothing is stored", arguments: invalidServers())
    func invalidServer(_ label: String, _ server: MCPServer) async throws {
        let fixture = try await RegistryFixture()
        await #expect(throws: IdPAdminError.self, "\(label)") { try await fixture.registry.createServer(server, by: RegistryFixture.admin) }
        #expect(try await fixture.store.version() == 0)
    }

    @Test("a valid entry gets the defaults, and loopback http is allowed (decisions X-11)")
    func validServer() async throws {
        let fixture = try await RegistryFixture()
        var server = RegistryFixture.server("local")
        server.resource = "http://127.0.0.1:8080/mcp"
        server.authorizationServer = "http://localhost:9000"
        let created = try await fixture.registry.createServer(server, by: RegistryFixture.admin)
        #expect(created.idJAGLifetime == 300)
        #expect(created.includesEmail == false)
        #expect(fixture.registry.snapshot.server(resource: "http://127.0.0.1:8080/mcp")?.accepts(audience: "http://localhost:9000") == true)
        #expect(fixture.registry.snapshot.server(resource: "http://127.0.0.1:8080/mcp")?.accepts(audience: "http://localhost:9000/") == false)
    }

    @Test("resource identifiers are unique in the catalog, also after a change")
    func uniqueResource() async throws {
        let fixture = try await RegistryFixture()
        let files = try await fixture.registry.createServer(RegistryFixture.server("files"), by: RegistryFixture.admin)
        var copy = RegistryFixture.server("other")
        copy.resource = files.resource
        await #expect(throws: IdPAdminError.conflict(.server, message: "another MCP server has this resource identifier")) {
            try await fixture.registry.createServer(copy, by: RegistryFixture.admin)
        }
        var moved = files
        moved.resource = "https://files2.example.com/mcp"
        try await fixture.registry.updateServer(moved, by: RegistryFixture.admin)
        try await fixture.registry.createServer(copy, by: RegistryFixture.admin)
        #expect(fixture.registry.snapshot.servers.count == 2)
    }

    @Test("clients: credentials must fit the method, and redirect URIs and servers must be valid")
    func clientValidation() async throws {
        let fixture = try await RegistryFixture()
        let files = try await fixture.registry.createServer(RegistryFixture.server("files"), by: RegistryFixture.admin)
        var plainSecret = RegistryFixture.client("a")
        plainSecret.credentials.secretHash = "AbCdEf0123456789"
        var publicWithSecret = RegistryFixture.client("b")
        publicWithSecret.credentials.method = .none
        var keysWithoutJWKS = RegistryFixture.client("c")
        keysWithoutJWKS.credentials = ClientCredentials(clientID: "c", method: .privateKeyJWT)
        var badJWKS = RegistryFixture.client("d")
        badJWKS.credentials = ClientCredentials(clientID: "d", method: .privateKeyJWT, jwks: "{\"keys\": []}")
        let insecureRedirect = RegistryFixture.client("e", redirectURIs: ["http://app.example.com/cb"])
        let unknownServer = RegistryFixture.client("f", servers: [MCPServerID("s-missing"): "x"])
        var mismatchedID = RegistryFixture.client("g")
        mismatchedID.credentials.clientID = "other"
        let badID = RegistryFixture.client("has space")
        for client in [plainSecret, publicWithSecret, keysWithoutJWKS, badJWKS, insecureRedirect, unknownServer, mismatchedID, badID] {
            await #expect(throws: IdPAdminError.self, "\(client.id)") { try await fixture.registry.createClient(client, by: RegistryFixture.admin) }
        }
        var jwksClient = RegistryFixture.client("h", servers: [files.id: "h-at-files"])
        jwksClient.credentials = ClientCredentials(clientID: "h", method: .privateKeyJWT, jwks: #"{"keys":[{"kty":"EC"}]}"#)
        try await fixture.registry.createClient(jwksClient, by: RegistryFixture.admin)
        var publicClient = RegistryFixture.client("cli", type: .native, redirectURIs: ["http://127.0.0.1/callback"])
        publicClient.credentials = ClientCredentials(clientID: "cli", method: .none)
        try await fixture.registry.createClient(publicClient, by: RegistryFixture.admin)
        #expect(try await fixture.registry.credentials(for: "cli")?.method == ClientAuthenticationMethod.none)
        #expect(fixture.registry.snapshot.client("h")?.clientID(at: files.id) == "h-at-files")
    }

    @Test("policy rules are validated: subjects, named entities, and no conditions on deny rules")
    func ruleValidation() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice")
        func rule(
            _ effect: PolicyEffect = .allow, subjects: PolicySubjects = .everyone, servers: [MCPServerID]? = nil, scopes: Scope? = nil,
            conditions: PolicyConditions = .none
        ) -> PolicyRule {
            PolicyRule(
                id: .generate(), name: "r", effect: effect, subjects: subjects, servers: servers, scopes: scopes, conditions: conditions,
                createdAt: .distantPast)
        }
        let invalid = [
            rule(subjects: PolicySubjects()), rule(subjects: PolicySubjects(everyone: true, users: [alice.id])),
            rule(subjects: .users("u-nobody")), rule(servers: []), rule(servers: ["s-nowhere"]), rule(scopes: []),
            rule(.deny, conditions: PolicyConditions(requiresSecondFactor: true)),
            rule(conditions: PolicyConditions(maximumAuthenticationAge: -1)),
        ]
        for candidate in invalid {
            await #expect(throws: IdPAdminError.self) { try await fixture.registry.createRule(candidate, by: RegistryFixture.admin) }
        }
        let created = try await fixture.registry.createRule(rule(subjects: .users(alice.id)), by: RegistryFixture.admin)
        await #expect(throws: IdPAdminError.self) { try await fixture.registry.deleteUser(alice.id, by: RegistryFixture.admin) }
        try await fixture.registry.deleteRule(created.id, by: RegistryFixture.admin)
        try await fixture.registry.deleteUser(alice.id, by: RegistryFixture.admin)
        #expect(fixture.registry.snapshot.users.isEmpty)
    }
}

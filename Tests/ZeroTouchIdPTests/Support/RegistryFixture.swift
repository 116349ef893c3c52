import Foundation
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

/// A registry over an in-memory store, with a manual clock and bcrypt cost 4.
struct RegistryFixture {
    let store: InMemoryDocumentStore
    let clock: ManualClock
    let registry: IdPRegistry

    static let hasher = PasswordHasher(cost: 4)
    static let admin = "admin@example.com"

    init(store: InMemoryDocumentStore = InMemoryDocumentStore(), clock: ManualClock = ManualClock()) async throws {
        self.store = store
        self.clock = clock
        registry = try await IdPRegistry(store: store, clock: clock, passwordHasher: Self.hasher)
    }

    /// Another registry on the same store: a second replica.
    func replica() async throws -> IdPRegistry {
        try await IdPRegistry(store: store, clock: clock, passwordHasher: Self.hasher)
    }

    @discardableResult
    func createUser(_ username: String, password: String = "correct horse battery") async throws -> User {
        let details = UserDetails(username: username, email: "\(username.lowercased())@example.com", displayName: username)
        return try await registry.createUser(details, password: password, by: Self.admin)
    }

    static func server(_ name: String, scopes: [String] = ["read", "write"]) -> MCPServer {
        MCPServer(
            id: .generate(), name: name, description: "The \(name) server", resource: ResourceIdentifier("https://\(name).example.com/mcp"),
            authorizationServer: Issuer("https://auth.\(name).example.com"), scopes: scopes.map { ScopeDefinition($0, description: "\($0) access") },
            createdAt: .distantPast)
    }

    static func client(
        _ id: String, servers: [MCPServerID: ClientID] = [:], type: ClientApplicationType = .web, redirectURIs: [String] = []
    ) -> RegisteredClient {
        RegisteredClient(
            id: ClientID(id), name: "Client \(id)",
            credentials: ClientCredentials(clientID: ClientID(id), method: .clientSecretBasic, secretHash: "zt-hmac-sha256$c2FsdA$bWFj"),
            applicationType: type, redirectURIs: redirectURIs, serverClientIDs: servers, createdAt: .distantPast)
    }
}

import Foundation
import ZeroTouchCore
@testable import ZeroTouchIdP

/// A small directory, catalog and client set built by hand (no store), for policy tests.
/// Ids are readable and deterministic: `u-alice`, `g-eng`, `s-files`, `r-…`.
struct PolicyWorld {
    static let now = Date(timeIntervalSince1970: 1_900_000_000)
    var state = IdPState()

    /// alice and bob in `eng`, carol alone, dave suspended; clients `cli` (registered at every server),
    /// `web` (only at files), `public-app` (no authentication); servers files (read write admin),
    /// calendar (read write) and wiki (no scopes).
    static func standard() -> PolicyWorld {
        var world = PolicyWorld()
        for name in ["alice", "bob", "carol"] { world.addUser(name) }
        world.addUser("dave", status: .suspended)
        world.addGroup("eng", members: ["alice", "bob"])
        world.addServer("files", scopes: ["read", "write", "admin"])
        world.addServer("calendar", scopes: ["read", "write"])
        world.addServer("wiki", scopes: [])
        world.addClient("cli", servers: ["files", "calendar", "wiki"])
        world.addClient("web", servers: ["files"])
        world.addClient("public-app", servers: ["files"], method: .none)
        return world
    }

    mutating func addUser(_ name: String, status: UserStatus = .active) {
        let user = User(
            id: UserID("u-\(name)"), username: name, email: "\(name)@example.com", displayName: name.capitalized, status: status,
            passwordHash: "$2b$04$notarealhash", createdAt: Self.now)
        state.users[user.id] = user
    }

    mutating func addGroup(_ name: String, members: [String]) {
        let group = Group(id: GroupID("g-\(name)"), name: name, createdAt: Self.now)
        state.groups[group.id] = group
        for member in members { state.memberships.insert(GroupMembership(groupID: group.id, userID: UserID("u-\(member)"))) }
    }

    mutating func addServer(_ name: String, scopes: [String]) {
        let server = MCPServer(
            id: MCPServerID("s-\(name)"), name: name, resource: ResourceIdentifier("https://\(name).example.com/mcp"),
            authorizationServer: Issuer("https://auth.\(name).example.com"), scopes: scopes.map { ScopeDefinition($0) }, createdAt: Self.now)
        state.servers[server.id] = server
    }

    mutating func addClient(_ id: String, servers: [String], method: ClientAuthenticationMethod = .clientSecretBasic) {
        let clientID = ClientID(id)
        let client = RegisteredClient(
            id: clientID, name: id, credentials: ClientCredentials(clientID: clientID, method: method, secretHash: method == .none ? nil : "zt$hash"),
            serverClientIDs: Dictionary(uniqueKeysWithValues: servers.map { (MCPServerID("s-\($0)"), ClientID("\(id)-at-\($0)")) }),
            createdAt: Self.now)
        state.clients[clientID] = client
    }

    /// Adds a rule. `users`/`groups` are names; `everyone` when both are empty.
    mutating func addRule(
        _ id: String, _ effect: PolicyEffect, users: [String] = [], groups: [String] = [], clients: [String]? = nil,
        servers: [String]? = nil, scopes: Scope? = nil, conditions: PolicyConditions = .none
    ) {
        let subjects = users.isEmpty && groups.isEmpty
            ? PolicySubjects.everyone
            : PolicySubjects(users: users.map { UserID("u-\($0)") }, groups: groups.map { GroupID("g-\($0)") })
        let rule = PolicyRule(
            id: PolicyRuleID(id), name: "rule \(id)", effect: effect, subjects: subjects, clients: clients?.map { ClientID($0) },
            servers: servers?.map { MCPServerID("s-\($0)") }, scopes: scopes, conditions: conditions, createdAt: Self.now)
        state.rules[rule.id] = rule
    }

    var snapshot: IdPSnapshot { IdPSnapshot(state: state) }

    /// A request by `user` through `client` to `server`, signed in `age` seconds ago with `methods`.
    static func request(
        _ user: String, via client: String = "cli", to server: String = "files", scope: Scope = [],
        methods: Set<String> = ["pwd"], age: TimeInterval = 10
    ) -> PolicyRequest {
        PolicyRequest(
            user: UserID("u-\(user)"), client: ClientID(client), server: MCPServerID("s-\(server)"), requestedScope: scope,
            authentication: AuthenticationContext(methods: methods, authenticatedAt: now.addingTimeInterval(-age)), now: now)
    }

    func decide(
        _ user: String, via client: String = "cli", to server: String = "files", scope: Scope = [], methods: Set<String> = ["pwd"],
        age: TimeInterval = 10
    ) -> PolicyDecision {
        snapshot.decide(Self.request(user, via: client, to: server, scope: scope, methods: methods, age: age))
    }
}

extension PolicyDecision {
    /// The rejection, or `nil` for a grant.
    var rejection: PolicyRejection? {
        switch self {
        case .allow: nil
        case .deny(let rejection): rejection
        }
    }

    /// The grant, or `nil` for a rejection.
    var grant: PolicyGrant? {
        switch self {
        case .allow(let grant): grant
        case .deny: nil
        }
    }
}

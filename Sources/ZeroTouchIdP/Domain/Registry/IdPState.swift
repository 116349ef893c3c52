import Foundation
public import ZeroTouchCore

/// Every directory, catalog and policy document, decoded: what an `IdPSnapshot` is built from.
public struct IdPState: Sendable {
    public var users: [UserID: User]
    public var groups: [GroupID: Group]
    public var memberships: Set<GroupMembership>
    public var clients: [ClientID: RegisteredClient]
    public var servers: [MCPServerID: MCPServer]
    public var rules: [PolicyRuleID: PolicyRule]

    public init(
        users: [User] = [], groups: [Group] = [], memberships: [GroupMembership] = [], clients: [RegisteredClient] = [],
        servers: [MCPServer] = [], rules: [PolicyRule] = []
    ) {
        self.users = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.groups = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.memberships = Set(memberships)
        self.clients = Dictionary(clients.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.servers = Dictionary(servers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Reads every IdP collection of `store`.
    /// - Throws: the store's errors, or a `DecodingError` for a corrupt document.
    static func load(from store: any DocumentStore) async throws -> IdPState {
        IdPState(
            users: try await store.loadAll(User.self, from: IdPCollection.users),
            groups: try await store.loadAll(Group.self, from: IdPCollection.groups),
            memberships: try await store.loadAll(GroupMembership.self, from: IdPCollection.memberships),
            clients: try await store.loadAll(RegisteredClient.self, from: IdPCollection.clients),
            servers: try await store.loadAll(MCPServer.self, from: IdPCollection.servers),
            rules: try await store.loadAll(PolicyRule.self, from: IdPCollection.rules))
    }

    /// Replays changes this process just applied, so that its own admin changes don't cost a full reload.
    /// - Throws: a `DecodingError` (a bug: the bodies were encoded here).
    mutating func apply(_ changes: [DocumentChange]) throws {
        for change in changes {
            switch change {
            case .insert(let collection, let id, let body), .put(let collection, let id, let body):
                try put(collection: collection, id: id, body: body)
            case .delete(let collection, let id):
                delete(collection: collection, id: id)
            }
        }
    }

    private mutating func put(collection: String, id: String, body: Data) throws {
        let decoder = DocumentCoding.decoder
        switch collection {
        case IdPCollection.users: users[UserID(id)] = try decoder.decode(User.self, from: body)
        case IdPCollection.groups: groups[GroupID(id)] = try decoder.decode(Group.self, from: body)
        case IdPCollection.memberships: memberships.insert(try decoder.decode(GroupMembership.self, from: body))
        case IdPCollection.clients: clients[ClientID(id)] = try decoder.decode(RegisteredClient.self, from: body)
        case IdPCollection.servers: servers[MCPServerID(id)] = try decoder.decode(MCPServer.self, from: body)
        case IdPCollection.rules: rules[PolicyRuleID(id)] = try decoder.decode(PolicyRule.self, from: body)
        default: break  // unique-key documents are not part of the state
        }
    }

    private mutating func delete(collection: String, id: String) {
        switch collection {
        case IdPCollection.users: users[UserID(id)] = nil
        case IdPCollection.groups: groups[GroupID(id)] = nil
        case IdPCollection.memberships:
            if let membership = GroupMembership(documentID: id) { memberships.remove(membership) }
        case IdPCollection.clients: clients[ClientID(id)] = nil
        case IdPCollection.servers: servers[MCPServerID(id)] = nil
        case IdPCollection.rules: rules[PolicyRuleID(id)] = nil
        default: break
        }
    }
}

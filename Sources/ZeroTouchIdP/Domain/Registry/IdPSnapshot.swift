public import ZeroTouchCore

/// An immutable, indexed view of the directory, clients, catalog and policy at one store version.
///
/// Built once per change and swapped in whole, so the login and token-exchange paths read memory
/// only (issue 3, "Speed") and never see a half-applied change.
public final class IdPSnapshot: Sendable {
    /// The `DocumentStore.version()` this snapshot reflects (0 for a snapshot built by hand).
    public let version: Int64
    /// The documents the snapshot was built from.
    public let state: IdPState

    private let userIDsByUsername: [String: UserID]
    private let groupIDsByName: [String: GroupID]
    let groupIDsByUser: [UserID: [GroupID]]
    private let memberIDsByGroup: [GroupID: [UserID]]
    private let serverIDsByResource: [ResourceIdentifier: MCPServerID]
    let compiledServers: [MCPServerID: CompiledServer]
    let policy: PolicyIndex

    /// Builds every index: O(documents).
    public init(state: IdPState, version: Int64 = 0) {
        self.version = version
        self.state = state
        userIDsByUsername = Dictionary(state.users.values.map { ($0.usernameKey, $0.id) }, uniquingKeysWith: min)
        groupIDsByName = Dictionary(state.groups.values.map { ($0.nameKey, $0.id) }, uniquingKeysWith: min)
        var groupsByUser: [UserID: [GroupID]] = [:]
        var membersByGroup: [GroupID: [UserID]] = [:]
        // Memberships whose user or group is gone (a race between replicas) are ignored.
        for membership in state.memberships where state.users[membership.userID] != nil && state.groups[membership.groupID] != nil {
            groupsByUser[membership.userID, default: []].append(membership.groupID)
            membersByGroup[membership.groupID, default: []].append(membership.userID)
        }
        groupIDsByUser = groupsByUser.mapValues { $0.sorted() }
        memberIDsByGroup = membersByGroup.mapValues { $0.sorted() }
        serverIDsByResource = Dictionary(state.servers.values.map { ($0.resource, $0.id) }, uniquingKeysWith: min)
        let servers = state.servers.mapValues(CompiledServer.init)
        compiledServers = servers
        policy = PolicyIndex(rules: state.rules.values, servers: servers)
    }

    /// An empty directory.
    public static let empty = IdPSnapshot(state: IdPState())

    /// The user with this id.
    public func user(_ id: UserID) -> User? { state.users[id] }
    /// The user with this username, compared without regard to case.
    public func user(username: String) -> User? {
        userIDsByUsername[User.usernameKey(username)].flatMap { state.users[$0] }
    }
    /// Every user, ordered by username.
    public var users: [User] { state.users.values.sorted { $0.usernameKey < $1.usernameKey } }

    /// The group with this id.
    public func group(_ id: GroupID) -> Group? { state.groups[id] }
    /// The group with this name, compared without regard to case.
    public func group(named name: String) -> Group? { groupIDsByName[name.lowercased()].flatMap { state.groups[$0] } }
    /// Every group, ordered by name.
    public var groups: [Group] { state.groups.values.sorted { $0.nameKey < $1.nameKey } }
    /// The ids of the groups `user` belongs to, ordered.
    public func groupIDs(of user: UserID) -> [GroupID] { groupIDsByUser[user] ?? [] }
    /// The ids of the members of `group`, ordered.
    public func memberIDs(of group: GroupID) -> [UserID] { memberIDsByGroup[group] ?? [] }

    /// The client with this `client_id`.
    public func client(_ id: ClientID) -> RegisteredClient? { state.clients[id] }
    /// Every client, ordered by id.
    public var clients: [RegisteredClient] { state.clients.values.sorted { $0.id < $1.id } }

    /// The catalog entry with this id.
    public func server(_ id: MCPServerID) -> MCPServer? { state.servers[id] }
    /// The catalog entry whose RFC 9728 resource identifier is exactly `resource` (RFC 8707 §2).
    public func server(resource: ResourceIdentifier) -> MCPServer? { serverIDsByResource[resource].flatMap { state.servers[$0] } }
    /// Every catalog entry, ordered by name.
    public var servers: [MCPServer] { state.servers.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }

    /// The policy rule with this id.
    public func rule(_ id: PolicyRuleID) -> PolicyRule? { state.rules[id] }
    /// Every policy rule, ordered by id.
    public var rules: [PolicyRule] { state.rules.values.sorted { $0.id < $1.id } }

    /// The rules that name `id` as a user, group, client or server: what deleting `id` would leave dangling.
    func ruleIDs(referencing matches: (PolicyRule) -> Bool) -> [PolicyRuleID] {
        state.rules.values.filter(matches).map(\.id).sorted()
    }
}

import Benchmark
import Foundation
import ZeroTouchCore
import ZeroTouchIdP

/// One policy decision (`IdPSnapshot.decide`) at the scale of issue 9: 100 000 users, 10 000 groups,
/// 1 000 servers and 50 000 rules. The snapshot is built once, before any measurement.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 1_000,
        maxDuration: .seconds(5),
        maxIterations: 1_000_000
    )

    // The world is built once per benchmark process, in the setup hook (outside the measurement).
    let cursor = RequestCursor()
    let buildWorld: Benchmark.BenchmarkSetupHook = {
        let world = PolicyWorld.shared
        FileHandle.standardError.write(Data("policy world: \(world.summary)\n".utf8))
    }

    Benchmark("Policy decide, user in 5 groups (100k users, 10k groups, 1k servers, 50k rules)") { benchmark in
        let world = PolicyWorld.shared
        let snapshot = world.snapshot
        for _ in benchmark.scaledIterations {
            blackHole(snapshot.decide(world.typicalRequests[cursor.next(world.typicalRequests.count)]))
        }
    } setup: {
        try await buildWorld()
    }

    Benchmark("Policy decide, user in 5 groups, 200k rules (50k + 150k per-user rules elsewhere)") { benchmark in
        let world = PolicyWorld.moreRules
        let snapshot = world.snapshot
        for _ in benchmark.scaledIterations {
            blackHole(snapshot.decide(world.typicalRequests[cursor.next(world.typicalRequests.count)]))
        }
    } setup: {
        let world = PolicyWorld.moreRules
        FileHandle.standardError.write(Data("policy world (more rules): \(world.summary)\n".utf8))
    }

    Benchmark("Policy decide, user in 50 groups (same world)") { benchmark in
        let world = PolicyWorld.shared
        let snapshot = world.snapshot
        for _ in benchmark.scaledIterations {
            blackHole(snapshot.decide(world.heavyRequests[cursor.next(world.heavyRequests.count)]))
        }
    } setup: {
        try await buildWorld()
    }
}

/// The directory, catalog and rules, generated deterministically.
final class PolicyWorld: Sendable {
    static let userCount = 100_000
    static let groupCount = 10_000
    static let serverCount = 1_000
    static let ruleCount = 50_000
    /// Groups per ordinary user; the first `heavyUserCount` users belong to `heavyGroupsPerUser`.
    static let groupsPerUser = 5
    static let heavyUserCount = 100
    static let heavyGroupsPerUser = 50

    static let shared = PolicyWorld(extraUserRules: 0)
    /// The same world plus 150 000 per-user rules for other (user, server) pairs: 200 000 rules in all,
    /// while the rules a request can match stay the same.
    static let moreRules = PolicyWorld(extraUserRules: 150_000)

    let snapshot: IdPSnapshot
    /// Requests for ordinary users, cycling over users and servers so that no single entry stays hot.
    let typicalRequests: [PolicyRequest]
    /// Requests for users in 50 groups.
    let heavyRequests: [PolicyRequest]
    /// What was built, and how many of the requests are grants (the rest are denials).
    let summary: String

    private init(extraUserRules: Int) {
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let scopes = ["read", "write", "admin", "tools", "search"]
        let users = (0 ..< Self.userCount).map { index in
            User(
                id: UserID("u\(index)"), username: "user\(index)", email: "user\(index)@example.com",
                displayName: "User \(index)", passwordHash: "$2b$12$notarealhash", createdAt: created)
        }
        let groups = (0 ..< Self.groupCount).map { Group(id: GroupID("g\($0)"), name: "group\($0)", createdAt: created) }
        var memberships: [GroupMembership] = []
        memberships.reserveCapacity(Self.userCount * Self.groupsPerUser + Self.heavyUserCount * Self.heavyGroupsPerUser)
        for user in 0 ..< Self.userCount {
            let count = user < Self.heavyUserCount ? Self.heavyGroupsPerUser : Self.groupsPerUser
            for step in 0 ..< count {
                let group = (user &* 7 &+ step &* 131) % Self.groupCount
                memberships.append(GroupMembership(groupID: GroupID("g\(group)"), userID: UserID("u\(user)")))
            }
        }
        let servers = (0 ..< Self.serverCount).map { index in
            MCPServer(
                id: MCPServerID("s\(index)"), name: "server\(index)",
                resource: ResourceIdentifier("https://mcp\(index).example.com/mcp"),
                authorizationServer: Issuer("https://auth\(index).example.com"),
                scopes: scopes.map { ScopeDefinition($0) }, createdAt: created)
        }
        let clientID = ClientID("bench-client")
        let client = RegisteredClient(
            id: clientID, name: "Bench client",
            credentials: ClientCredentials(clientID: clientID, method: .clientSecretBasic, secretHash: "zt$hash"),
            serverClientIDs: Dictionary(uniqueKeysWithValues: servers.map { ($0.id, ClientID("at-\($0.id.rawValue)")) }),
            createdAt: created)
        // Rules: mostly group rules (one group, one server, a scope subset), a share of user rules,
        // a few deny rules, and a handful of everyone rules; every 10th allow rule needs a second factor.
        var rules: [PolicyRule] = []
        rules.reserveCapacity(Self.ruleCount)
        var serversByGroup: [Int: [Int]] = [:]
        for index in 0 ..< Self.ruleCount {
            let server = MCPServerID("s\(index % Self.serverCount)")
            let subjects: PolicySubjects
            switch index % 10 {
            case 0: subjects = .users(UserID("u\((index &* 13) % Self.userCount)"))
            default:
                subjects = .groups(GroupID("g\((index &* 17) % Self.groupCount)"))
                serversByGroup[(index &* 17) % Self.groupCount, default: []].append(index % Self.serverCount)
            }
            let effect: PolicyEffect = index % 25 == 0 ? .deny : .allow
            let ruleScopes: Scope = effect == .deny ? ["admin"] : Scope(scopes.prefix(1 + index % 3))
            rules.append(
                PolicyRule(
                    id: PolicyRuleID(String(format: "r%06d", index)), name: "rule \(index)", effect: effect,
                    subjects: index < 5 ? .everyone : subjects, servers: [server], scopes: ruleScopes,
                    conditions: effect == .allow && index % 10 == 3 ? PolicyConditions(requiresSecondFactor: true) : .none,
                    createdAt: created))
        }
        for extra in 0 ..< extraUserRules {
            rules.append(
                PolicyRule(
                    id: PolicyRuleID(String(format: "x%06d", extra)), name: "extra \(extra)", effect: .allow,
                    subjects: .users(UserID("u\((extra &* 37 &+ 11) % Self.userCount)")),
                    servers: [MCPServerID("s\((extra &* 53 &+ 7) % Self.serverCount)")], scopes: ["read"], createdAt: created))
        }
        snapshot = IdPSnapshot(
            state: IdPState(
                users: users, groups: groups, memberships: memberships, clients: [client], servers: servers, rules: rules))
        let authentication = AuthenticationContext(methods: ["pwd", "otp"], authenticatedAt: now.addingTimeInterval(-60))
        // Each request names a server that one of the user's groups has a rule for, so that the
        // decision walks real rules (most are grants; some meet a deny or a second-factor condition).
        func request(user: Int) -> PolicyRequest {
            let groupCount = user < Self.heavyUserCount ? Self.heavyGroupsPerUser : Self.groupsPerUser
            let groupsOfUser = (0 ..< groupCount).map { (user &* 7 &+ $0 &* 131) % Self.groupCount }
            let server = groupsOfUser.lazy.compactMap { serversByGroup[$0]?.first }.first ?? user % Self.serverCount
            return PolicyRequest(
                user: UserID("u\(user)"), client: clientID, server: MCPServerID("s\(server)"), requestedScope: ["read"],
                authentication: authentication, now: now)
        }
        typicalRequests = (0 ..< 4_096).map { request(user: Self.heavyUserCount + ($0 &* 7919) % (Self.userCount - Self.heavyUserCount)) }
        heavyRequests = (0 ..< 4_096).map { request(user: $0 % Self.heavyUserCount) }
        let snapshot = self.snapshot
        func allows(_ requests: [PolicyRequest]) -> Int {
            requests.count { if case .allow = snapshot.decide($0) { true } else { false } }
        }
        func meanRulesConsidered(_ requests: [PolicyRequest]) -> Double {
            let sample = requests.prefix(512)
            return Double(sample.reduce(0) { $0 + snapshot.explain($1).evaluations.count }) / Double(sample.count)
        }
        summary = "\(memberships.count) memberships, \(rules.count) rules; "
            + "\(allows(typicalRequests))/\(typicalRequests.count) typical and "
            + "\(allows(heavyRequests))/\(heavyRequests.count) heavy requests are grants; rules considered per request: "
            + "\(meanRulesConsidered(typicalRequests)) typical, \(meanRulesConsidered(heavyRequests)) heavy"
    }
}

/// Walks the request list across measured iterations (each iteration is one call of the closure).
/// The benchmarks run one at a time on one thread, so no lock is needed.
final class RequestCursor: @unchecked Sendable {
    private var position = 0

    func next(_ count: Int) -> Int {
        position = (position + 1) % count
        return position
    }
}

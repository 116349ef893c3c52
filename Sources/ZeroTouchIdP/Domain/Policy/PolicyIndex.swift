import ZeroTouchCore

/// A policy rule prepared for evaluation.
final class CompiledRule: Sendable {
    let rule: PolicyRule
    /// `nil`: any client.
    let clients: Set<ClientID>?

    init(_ rule: PolicyRule) {
        self.rule = rule
        self.clients = rule.clients.map(Set.init)
    }
}

/// A rule filed under one server, with that server's scope mask computed once.
struct ServerRuleEntry: Sendable {
    let rule: CompiledRule
    let mask: ScopeMask
}

/// The rules of one subject key (a user, a group, or everyone), split by server.
struct SubjectRules: Sendable {
    var byServer: [MCPServerID: [ServerRuleEntry]] = [:]
    /// Rules for any server; their masks are computed per decision.
    var anyServer: [CompiledRule] = []
}

/// Policy rules indexed by subject and server, so that a decision looks only at the rules of the
/// user, of their groups and of everyone for the one server asked about: O(groups + rules that target
/// them), never O(all rules).
struct PolicyIndex: Sendable {
    private(set) var byUser: [UserID: SubjectRules] = [:]
    private(set) var byGroup: [GroupID: SubjectRules] = [:]
    private(set) var everyone = SubjectRules()

    /// Files every rule under each of its subjects. Rules are taken in id order so explanations are stable.
    init(rules: some Sequence<PolicyRule>, servers: [MCPServerID: CompiledServer]) {
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            let compiled = CompiledRule(rule)
            if rule.subjects.everyone { Self.file(compiled, servers: servers, into: &everyone) }
            for user in Set(rule.subjects.users) { Self.file(compiled, servers: servers, into: &byUser[user, default: SubjectRules()]) }
            for group in Set(rule.subjects.groups) { Self.file(compiled, servers: servers, into: &byGroup[group, default: SubjectRules()]) }
        }
    }

    private static func file(_ rule: CompiledRule, servers: [MCPServerID: CompiledServer], into subject: inout SubjectRules) {
        guard let ids = rule.rule.servers else {
            subject.anyServer.append(rule)
            return
        }
        for id in Set(ids) {
            // A rule naming a server missing from the catalog can't match a request for it.
            guard let server = servers[id] else { continue }
            subject.byServer[id, default: []].append(ServerRuleEntry(rule: rule, mask: server.mask(ofRuleScopes: rule.rule.scopes)))
        }
    }
}

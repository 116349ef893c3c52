import Foundation
import ZeroTouchCore

/// The running tally of one policy decision for one server; the semantics are documented on
/// `IdPSnapshot.decide(_:)`. With `explaining`, it also records every considered rule, once.
struct PolicyEvaluation {
    private struct Contribution {
        let id: PolicyRuleID
        let mask: ScopeMask
        /// The rule names no scopes: it covers the whole server, including a server that defines none.
        let coversWholeServer: Bool
        var failures: [PolicyConditionFailure] = []
    }

    private let server: CompiledServer
    private let request: PolicyRequest
    private(set) var evaluations: [PolicyRuleEvaluation]?
    private var seen: Set<PolicyRuleID> = []

    private var fullDenials: [PolicyRuleID] = []
    private var scopeDenials: [Contribution] = []
    private var denied = ScopeMask()
    private var allows: [Contribution] = []
    private var allowed = ScopeMask()
    private var conditionalAllows: [Contribution] = []
    private var conditionallyAllowed = ScopeMask()

    init(server: CompiledServer, request: PolicyRequest, explaining: Bool) {
        self.server = server
        self.request = request
        self.evaluations = explaining ? [] : nil
    }

    /// Considers the rules one subject key holds for this server.
    mutating func consider(_ rules: SubjectRules, via match: PolicySubjectMatch) {
        for entry in rules.byServer[server.server.id] ?? [] { consider(entry.rule, mask: entry.mask, via: match) }
        for rule in rules.anyServer { consider(rule, mask: server.mask(ofRuleScopes: rule.rule.scopes), via: match) }
    }

    private mutating func consider(_ compiled: CompiledRule, mask: ScopeMask, via match: PolicySubjectMatch) {
        let rule = compiled.rule
        // A rule reached through several subject keys counts once; duplicates can't change the
        // decision (unions and "any deny"), so only explanations pay for the check.
        if evaluations != nil {
            guard seen.insert(rule.id).inserted else { return }
        }
        let outcome = outcome(of: compiled, mask: mask)
        evaluations?.append(
            PolicyRuleEvaluation(ruleID: rule.id, ruleName: rule.name, effect: rule.effect, subjectMatch: match, outcome: outcome))
    }

    private mutating func outcome(of compiled: CompiledRule, mask: ScopeMask) -> PolicyRuleOutcome {
        let rule = compiled.rule
        if let clients = compiled.clients, !clients.contains(request.client) { return .clientNotListed }
        var contribution = Contribution(id: rule.id, mask: mask, coversWholeServer: rule.scopes == nil)
        switch rule.effect {
        case .deny:
            guard rule.scopes != nil else {
                fullDenials.append(rule.id)
                return .deniesAll
            }
            scopeDenials.append(contribution)
            denied = denied.union(mask)
            return evaluations == nil ? .deniesScopes([]) : .deniesScopes(server.scope(of: mask))
        case .allow:
            contribution.failures = failures(of: rule.conditions)
            guard contribution.failures.isEmpty else {
                conditionalAllows.append(contribution)
                conditionallyAllowed = conditionallyAllowed.union(mask)
                return .conditionsFailed(contribution.failures)
            }
            allows.append(contribution)
            allowed = allowed.union(mask)
            return evaluations == nil ? .allows([]) : .allows(server.scope(of: mask))
        }
    }

    private func failures(of conditions: PolicyConditions) -> [PolicyConditionFailure] {
        var failures: [PolicyConditionFailure] = []
        if conditions.requiresSecondFactor && !request.authentication.methods.contains(AuthenticationMethod.oneTimePassword) {
            failures.append(.secondFactorMissing)
        }
        if let maximum = conditions.maximumAuthenticationAge {
            let age = request.now.timeIntervalSince(request.authentication.authenticatedAt)
            if age > Double(maximum) { failures.append(.authenticationTooOld(age: Int(min(age, 1e12)), maximum: maximum)) }
        }
        return failures
    }

    /// The decision, in this order: a matching deny rule without scopes refuses; a server without
    /// scopes is all-or-nothing; otherwise granted = wanted ∩ allowed − denied, where wanted is the
    /// requested scope (or every server scope when none was requested).
    func decision() -> PolicyDecision {
        if !fullDenials.isEmpty { return .deny(.deniedByRules(Self.unique(fullDenials))) }
        if server.all.isEmpty { return scopelessDecision() }
        let nothingRequested = request.requestedScope.isEmpty
        let wanted = nothingRequested ? server.all : server.mask(of: request.requestedScope)
        let granted = wanted.intersection(allowed).subtracting(denied)
        let stepUpScopes = wanted.intersection(conditionallyAllowed).subtracting(allowed).subtracting(denied)
        let removed = wanted.intersection(allowed).intersection(denied)
        let narrowedBy = Self.unique(scopeDenials.filter { $0.mask.intersects(removed) }.map(\.id))
        // An explicitly requested scope that only a rule with failed conditions would grant asks for
        // a step-up rather than a silently narrower grant.
        if !nothingRequested && !stepUpScopes.isEmpty { return .deny(.stepUpRequired(stepUp(for: stepUpScopes))) }
        if !granted.isEmpty {
            let allowedBy = Self.unique(allows.filter { $0.mask.intersects(granted) }.map(\.id))
            return .allow(PolicyGrant(scope: server.scope(of: granted), allowedBy: allowedBy, narrowedBy: narrowedBy))
        }
        if !stepUpScopes.isEmpty { return .deny(.stepUpRequired(stepUp(for: stepUpScopes))) }
        if !removed.isEmpty { return .deny(.deniedByRules(narrowedBy)) }
        if allowed.isEmpty { return .deny(.noMatchingAllowRule) }
        return .deny(.scopesNotAllowed(requested: request.requestedScope))
    }

    /// A server that defines no scopes: only allow rules without scopes cover it, and asking for a scope fails.
    private func scopelessDecision() -> PolicyDecision {
        let matching = allows.filter(\.coversWholeServer)
        let conditional = conditionalAllows.filter(\.coversWholeServer)
        if matching.isEmpty && conditional.isEmpty { return .deny(.noMatchingAllowRule) }
        if !request.requestedScope.isEmpty { return .deny(.scopesNotAllowed(requested: request.requestedScope)) }
        guard !matching.isEmpty else { return .deny(.stepUpRequired(Self.requirement(from: conditional))) }
        return .allow(PolicyGrant(scope: [], allowedBy: Self.unique(matching.map(\.id))))
    }

    private func stepUp(for scopes: ScopeMask) -> StepUpRequirement {
        Self.requirement(from: conditionalAllows.filter { $0.mask.intersects(scopes) })
    }

    /// The least sign-in that satisfies every one of `rules`: a second factor if any lacked one, and
    /// the smallest maximum age among those that were too old.
    private static func requirement(from rules: [Contribution]) -> StepUpRequirement {
        var requiresSecondFactor = false
        var maximumAge: Int?
        for failure in rules.flatMap(\.failures) {
            switch failure {
            case .secondFactorMissing: requiresSecondFactor = true
            case .authenticationTooOld(_, let maximum): maximumAge = min(maximumAge ?? maximum, maximum)
            }
        }
        return StepUpRequirement(requiresSecondFactor: requiresSecondFactor, maximumAuthenticationAge: maximumAge, ruleIDs: unique(rules.map(\.id)))
    }

    private static func unique(_ ids: [PolicyRuleID]) -> [PolicyRuleID] {
        var seen = Set<PolicyRuleID>()
        return ids.filter { seen.insert($0).inserted }
    }
}

public import ZeroTouchCore

/// The answer of `IdPSnapshot.explain(_:)`: the decision and every rule considered on the way (issue 3, item 5).
///
/// The rules considered are those that target the user (directly, through one of their groups, or
/// everyone) and the server (by id or any server). Rules for other users or servers are not listed.
public struct PolicyExplanation: Sendable, Equatable {
    public var decision: PolicyDecision
    /// One entry per rule considered, in evaluation order: the user's own rules, then each group's, then everyone's.
    public var evaluations: [PolicyRuleEvaluation]

    public init(decision: PolicyDecision, evaluations: [PolicyRuleEvaluation]) {
        self.decision = decision
        self.evaluations = evaluations
    }

    /// The rules that made the decision (see `PolicyDecision.decidingRuleIDs`).
    public var decidingRuleIDs: [PolicyRuleID] { decision.decidingRuleIDs }
}

/// How a considered rule came out.
public struct PolicyRuleEvaluation: Sendable, Equatable {
    public var ruleID: PolicyRuleID
    public var ruleName: String
    public var effect: PolicyEffect
    /// How the rule reached the user.
    public var subjectMatch: PolicySubjectMatch
    public var outcome: PolicyRuleOutcome

    public init(ruleID: PolicyRuleID, ruleName: String, effect: PolicyEffect, subjectMatch: PolicySubjectMatch, outcome: PolicyRuleOutcome) {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.effect = effect
        self.subjectMatch = subjectMatch
        self.outcome = outcome
    }

    /// Whether the rule matched (its outcome took part in the decision).
    public var matched: Bool {
        switch outcome {
        case .allows, .deniesAll, .deniesScopes: true
        case .clientNotListed, .conditionsFailed: false
        }
    }
}

/// How a rule reached the user.
public enum PolicySubjectMatch: Sendable, Equatable, CustomStringConvertible {
    /// The rule lists the user.
    case user
    /// The rule lists a group the user belongs to.
    case group(GroupID)
    /// The rule applies to everyone.
    case everyone

    public var description: String {
        switch self {
        case .user: "the user is listed"
        case .group(let id): "through group \(id)"
        case .everyone: "applies to everyone"
        }
    }
}

/// What a considered rule did.
public enum PolicyRuleOutcome: Sendable, Equatable, CustomStringConvertible {
    /// An allow rule matched; these are the server scopes it allows (possibly empty).
    case allows(Scope)
    /// A deny rule without scopes matched: the request is refused.
    case deniesAll
    /// A deny rule with scopes matched: these scopes are taken away.
    case deniesScopes(Scope)
    /// The rule does not list the request's client.
    case clientNotListed
    /// An allow rule whose sign-in conditions failed, so it does not match.
    case conditionsFailed([PolicyConditionFailure])

    public var description: String {
        switch self {
        case .allows(let scope): "matched: allows \(scope.isEmpty ? "(no scope)" : scope.description)"
        case .deniesAll: "matched: denies the request"
        case .deniesScopes(let scope): "matched: denies \(scope)"
        case .clientNotListed: "not matched: the client is not listed"
        case .conditionsFailed(let failures): "not matched: " + failures.map(\.description).joined(separator: "; ")
        }
    }
}

/// A sign-in condition that failed (ID-JAG §8.2).
public enum PolicyConditionFailure: Sendable, Equatable, CustomStringConvertible {
    /// The rule requires a second factor and `amr` lacks `otp`.
    case secondFactorMissing
    /// The sign-in is `age` seconds old; the rule accepts at most `maximum`.
    case authenticationTooOld(age: Int, maximum: Int)

    public var description: String {
        switch self {
        case .secondFactorMissing: "a second factor is required"
        case .authenticationTooOld(let age, let maximum): "the sign-in is \(age) s old, at most \(maximum) s allowed"
        }
    }
}

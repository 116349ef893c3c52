public import ZeroTouchCore

/// The answer of policy: a grant, or a rejection that says why (STYLE: expected failure is a value).
public enum PolicyDecision: Sendable, Equatable {
    case allow(PolicyGrant)
    case deny(PolicyRejection)

    /// The granted scope, or `nil` when denied.
    public var grantedScope: Scope? {
        switch self {
        case .allow(let grant): grant.scope
        case .deny: nil
        }
    }

    /// The rules that made the decision: for a grant, the allow rules that contributed a granted scope
    /// and the deny rules that narrowed it; for a rejection by rules, those rules.
    public var decidingRuleIDs: [PolicyRuleID] {
        switch self {
        case .allow(let grant): grant.allowedBy + grant.narrowedBy
        case .deny(let rejection): rejection.ruleIDs
        }
    }
}

/// What policy grants: the scope for the ID-JAG (checklist I-11, I-13) and the rules behind it, for the audit record.
public struct PolicyGrant: Sendable, Equatable {
    /// The granted scope: possibly narrower than requested (ID-JAG §4.3.3 MAY grant a subset).
    /// Empty only for a server that defines no scopes.
    public var scope: Scope
    /// The allow rules that contributed at least one granted scope (or, for a server without scopes, that matched).
    public var allowedBy: [PolicyRuleID]
    /// The deny rules that took away scopes that would otherwise have been granted.
    public var narrowedBy: [PolicyRuleID]

    public init(scope: Scope, allowedBy: [PolicyRuleID], narrowedBy: [PolicyRuleID] = []) {
        self.scope = scope
        self.allowedBy = allowedBy
        self.narrowedBy = narrowedBy
    }
}

/// What the user must do to satisfy the rules that stood in the way: satisfying it satisfies every one of them.
public struct StepUpRequirement: Sendable, Equatable {
    /// Sign in again with a one-time code (`amr` must contain `otp`).
    public var requiresSecondFactor: Bool
    /// Sign in again so that `auth_time` is at most this many seconds old: the `max_age` of ID-JAG §8.2.
    public var maximumAuthenticationAge: Int?
    /// The allow rules whose conditions failed and that would grant a wanted scope.
    public var ruleIDs: [PolicyRuleID]

    public init(requiresSecondFactor: Bool, maximumAuthenticationAge: Int?, ruleIDs: [PolicyRuleID]) {
        self.requiresSecondFactor = requiresSecondFactor
        self.maximumAuthenticationAge = maximumAuthenticationAge
        self.ruleIDs = ruleIDs
    }
}

import Testing
import ZeroTouchCore
@testable import ZeroTouchIdP

@Suite("Policy explanations")
struct PolicyExplainTests {
    @Test("explain lists every considered rule with why it matched or not, and the deciding rules")
    func explainsEachRule() throws {
        var world = PolicyWorld.standard()
        world.addRule("r-allow-eng", .allow, groups: ["eng"], servers: ["files"], scopes: ["read", "write"])
        world.addRule("r-deny-write", .deny, users: ["alice"], scopes: ["write"])
        world.addRule("r-mfa-admin", .allow, servers: ["files"], scopes: ["admin"], conditions: PolicyConditions(requiresSecondFactor: true))
        world.addRule("r-web-only", .allow, users: ["alice"], clients: ["web"])
        world.addRule("r-other-server", .allow, users: ["alice"], servers: ["calendar"])
        world.addRule("r-other-user", .allow, users: ["carol"], servers: ["files"])

        let explanation = world.snapshot.explain(PolicyWorld.request("alice"))

        #expect(explanation.decision == .allow(PolicyGrant(scope: ["read"], allowedBy: ["r-allow-eng"], narrowedBy: ["r-deny-write"])))
        #expect(explanation.decidingRuleIDs == ["r-allow-eng", "r-deny-write"])
        let outcomes = Dictionary(uniqueKeysWithValues: explanation.evaluations.map { ($0.ruleID, $0) })
        #expect(Set(outcomes.keys) == ["r-allow-eng", "r-deny-write", "r-mfa-admin", "r-web-only"])
        #expect(outcomes["r-allow-eng"]?.outcome == .allows(["read", "write"]))
        #expect(outcomes["r-allow-eng"]?.subjectMatch == .group("g-eng"))
        #expect(outcomes["r-deny-write"]?.outcome == .deniesScopes(["write"]))
        #expect(outcomes["r-deny-write"]?.subjectMatch == .user)
        #expect(outcomes["r-mfa-admin"]?.outcome == .conditionsFailed([.secondFactorMissing]))
        #expect(outcomes["r-mfa-admin"]?.subjectMatch == .everyone)
        #expect(outcomes["r-mfa-admin"]?.matched == false)
        #expect(outcomes["r-web-only"]?.outcome == .clientNotListed)
        #expect(explanation.evaluations.allSatisfy { !$0.outcome.description.isEmpty })
    }

    @Test("explain of a denial names the deny rule, and agrees with decide")
    func explainsDenial() {
        var world = PolicyWorld.standard()
        world.addRule("r-allow", .allow)
        world.addRule("r-block", .deny, groups: ["eng"], servers: ["files"])
        let request = PolicyWorld.request("bob")
        let explanation = world.snapshot.explain(request)
        #expect(explanation.decision == .deny(.deniedByRules(["r-block"])))
        #expect(explanation.decision == world.snapshot.decide(request))
        #expect(explanation.decidingRuleIDs == ["r-block"])
        #expect(explanation.evaluations.map(\.ruleID) == ["r-block", "r-allow"])
    }

    @Test("explain of a failed age condition gives the age and the maximum")
    func explainsAge() {
        var world = PolicyWorld.standard()
        world.addRule("r-fresh", .allow, servers: ["files"], conditions: PolicyConditions(maximumAuthenticationAge: 60))
        let explanation = world.snapshot.explain(PolicyWorld.request("carol", age: 90))
        #expect(explanation.evaluations.first?.outcome == .conditionsFailed([.authenticationTooOld(age: 90, maximum: 60)]))
        #expect(explanation.decidingRuleIDs == ["r-fresh"])
    }

    @Test("explain of a precondition failure considers no rule")
    func explainsPrecondition() {
        var world = PolicyWorld.standard()
        world.addRule("r-allow", .allow)
        let explanation = world.snapshot.explain(PolicyWorld.request("dave"))
        #expect(explanation.decision == .deny(.userSuspended("u-dave")))
        #expect(explanation.evaluations.isEmpty)
    }
}

@Suite("Policy rejections")
struct PolicyRejectionTests {
    static let all: [PolicyRejection] = [
        .unknownUser("u-sweep"), .userSuspended("u-sweep"), .unknownClient("c-sweep"), .clientDisabled("c-sweep"),
        .publicClient("c-sweep"), .unknownServer("s-sweep"), .clientNotRegisteredAtServer("c-sweep", "s-sweep"), .noMatchingAllowRule,
        .deniedByRules(["r-sweep"]), .scopesNotAllowed(requested: ["x-sweep"]),
        .stepUpRequired(StepUpRequirement(requiresSecondFactor: true, maximumAuthenticationAge: 60, ruleIDs: ["r-sweep"])),
    ]

    @Test("every rejection has an OAuth code, a safe message without identifiers, a reason code and a log line", arguments: all)
    func sweep(_ rejection: PolicyRejection) {
        #expect(!rejection.errorCode.rawValue.isEmpty)
        #expect(!rejection.errorDescription.isEmpty)
        #expect(!rejection.errorDescription.contains("sweep"))
        #expect(!rejection.reasonCode.isEmpty)
        #expect(rejection.description.hasPrefix(rejection.reasonCode))
    }

    @Test("policy denials are access_denied, never invalid_grant")
    func denialCodes() {
        #expect(PolicyRejection.noMatchingAllowRule.errorCode == .accessDenied)
        #expect(PolicyRejection.deniedByRules(["r"]).errorCode == .accessDenied)
        #expect(PolicyRejection.noMatchingAllowRule.errorDescription == "blocked by your organization's policy")
        #expect(PolicyRejection.unknownServer("s").errorCode == .invalidTarget)
        #expect(PolicyRejection.scopesNotAllowed(requested: ["x"]).errorCode == .invalidScope)
        #expect(PolicyRejection.publicClient("c").errorCode == .unauthorizedClient)
    }
}

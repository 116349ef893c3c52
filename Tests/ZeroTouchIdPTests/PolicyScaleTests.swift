import Foundation
import Testing
import ZeroTouchCore
@testable import ZeroTouchIdP

/// Correctness at scale; the timing of decisions belongs to the benchmarks, not here.
@Suite("Policy at scale")
struct PolicyScaleTests {
    /// 2 000 users in 200 groups (user i is in groups i % 200 and (i / 10) % 200), 50 servers with
    /// 8 scopes, 5 000 rules: each group is allowed scope k of 20 servers, user-specific deny rules, and a
    /// few everyone rules.
    static func makeWorld() -> PolicyWorld {
        var world = PolicyWorld()
        for server in 0..<50 { world.addServer("srv\(server)", scopes: (0..<8).map { "scope\($0)" }) }
        world.addClient("cli", servers: (0..<50).map { "srv\($0)" })
        for user in 0..<2000 { world.addUser("user\(user)") }
        for group in 0..<200 {
            world.addGroup("grp\(group)", members: (0..<2000).filter { $0 % 200 == group || ($0 / 10) % 200 == group }.map { "user\($0)" })
        }
        for group in 0..<200 {
            for index in 0..<20 {
                let server = (group + index * 7) % 50
                world.addRule(
                    "allow-g\(group)-\(index)", .allow, groups: ["grp\(group)"], servers: ["srv\(server)"],
                    scopes: [Self.scope(group: group, index: index)])
            }
        }
        for user in stride(from: 0, to: 2000, by: 2) {
            world.addRule("deny-u\(user)", .deny, users: ["user\(user)"], servers: ["srv\(user % 50)"], scopes: ["scope7"])
        }
        world.addRule("everyone-read", .allow, servers: ["srv0"], scopes: ["scope0"])
        world.addRule("everyone-blocked", .deny, servers: ["srv49"])
        return world
    }

    static func scope(group: Int, index: Int) -> String { "scope\((group + index) % 8)" }

    /// The expected grant, computed the slow way from the rule definitions.
    static func expectedScope(user: Int, server: Int) -> Set<String>? {
        if server == 49 { return nil }
        var allowed = Set<String>()
        for group in Set([user % 200, (user / 10) % 200]) {
            for index in 0..<20 where (group + index * 7) % 50 == server { allowed.insert(scope(group: group, index: index)) }
        }
        if server == 0 { allowed.insert("scope0") }
        if user % 2 == 0 && user % 50 == server { allowed.remove("scope7") }
        return allowed.isEmpty ? nil : allowed
    }

    @Test("decisions over 5 000 rules match a brute-force evaluation of the same rules")
    func decisionsAreCorrect() {
        let world = Self.makeWorld()
        #expect(world.state.rules.count == 5002)
        let snapshot = world.snapshot
        for user in stride(from: 0, to: 2000, by: 37) {
            for server in 0..<50 {
                let decision = snapshot.decide(PolicyWorld.request("user\(user)", to: "srv\(server)"))
                #expect(decision.grantedScope?.tokens == Self.expectedScope(user: user, server: server), "user\(user) at srv\(server)")
            }
        }
    }

    @Test("an explanation at scale considers only the rules of the user's groups, the user and everyone")
    func explanationIsLocal() {
        let snapshot = Self.makeWorld().snapshot
        let explanation = snapshot.explain(PolicyWorld.request("user4", to: "srv4"))
        #expect(explanation.evaluations.count < 60)
        #expect(explanation.evaluations.contains { $0.ruleID == "deny-u4" })
        #expect(explanation.decision == snapshot.decide(PolicyWorld.request("user4", to: "srv4")))
    }
}

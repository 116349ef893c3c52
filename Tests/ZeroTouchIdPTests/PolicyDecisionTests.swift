import Testing
import ZeroTouchCore
@testable import ZeroTouchIdP

@Suite("Policy decisions")
struct PolicyDecisionTests {
    @Test("with no rules, every request is denied by default")
    func defaultDeny() {
        let world = PolicyWorld.standard()
        #expect(world.decide("alice", scope: ["read"]) == .deny(.noMatchingAllowRule))
        #expect(world.decide("alice") == .deny(.noMatchingAllowRule))
    }

    @Test("an allow rule for the user grants the requested scope")
    func allowForUser() {
        var world = PolicyWorld.standard()
        world.addRule("r1", .allow, users: ["alice"], servers: ["files"], scopes: ["read", "write"])
        #expect(world.decide("alice", scope: ["read"]) == .allow(PolicyGrant(scope: ["read"], allowedBy: ["r1"])))
        #expect(world.decide("bob", scope: ["read"]) == .deny(.noMatchingAllowRule))
    }

    @Test("the grant is the requested scope narrowed to what rules allow")
    func narrowing() {
        var world = PolicyWorld.standard()
        world.addRule("r1", .allow, users: ["alice"], servers: ["files"], scopes: ["read"])
        #expect(world.decide("alice", scope: ["read", "write"]).grant == PolicyGrant(scope: ["read"], allowedBy: ["r1"]))
    }

    @Test("scopes the server does not define are dropped from the request")
    func unknownRequestedScopes() {
        var world = PolicyWorld.standard()
        world.addRule("r1", .allow, users: ["alice"], servers: ["files"])
        #expect(world.decide("alice", scope: ["read", "nonsense"]).grantedScope == ["read"])
    }

    @Test("nothing requested grants everything the rules allow")
    func nothingRequested() {
        var world = PolicyWorld.standard()
        world.addRule("r1", .allow, users: ["alice"], servers: ["files"], scopes: ["read"])
        world.addRule("r2", .allow, groups: ["eng"], servers: ["files"], scopes: ["write"])
        #expect(world.decide("alice") == .allow(PolicyGrant(scope: ["read", "write"], allowedBy: ["r1", "r2"])))
    }

    @Test("an allow rule without scopes allows every scope of the server")
    func allScopes() {
        var world = PolicyWorld.standard()
        world.addRule("r1", .allow, users: ["alice"], servers: ["files"])
        #expect(world.decide("alice").grantedScope == ["read", "write", "admin"])
    }

    @Test("a matching deny rule without scopes wins over any allow rule")
    func denyWins() {
        var world = PolicyWorld.standard()
        world.addRule("allow-all", .allow)
        world.addRule("deny-bob", .deny, users: ["bob"], servers: ["files"])
        #expect(world.decide("bob", scope: ["read"]) == .deny(.deniedByRules(["deny-bob"])))
        #expect(world.decide("alice", scope: ["read"]).grantedScope == ["read"])
        #expect(world.decide("bob", to: "calendar", scope: ["read"]).grantedScope == ["read"])
    }

    @Test("a deny rule with scopes takes away only those scopes")
    func scopeSpecificDeny() {
        var world = PolicyWorld.standard()
        world.addRule("allow-files", .allow, groups: ["eng"], servers: ["files"])
        world.addRule("no-admin", .deny, servers: ["files"], scopes: ["admin"])
        #expect(world.decide("alice") == .allow(PolicyGrant(scope: ["read", "write"], allowedBy: ["allow-files"], narrowedBy: ["no-admin"])))
        #expect(world.decide("alice", scope: ["read"]) == .allow(PolicyGrant(scope: ["read"], allowedBy: ["allow-files"])))
        #expect(world.decide("alice", scope: ["admin"]) == .deny(.deniedByRules(["no-admin"])))
    }

    @Test("group and everyone subjects reach their members")
    func groupAndEveryone() {
        var world = PolicyWorld.standard()
        world.addRule("eng-write", .allow, groups: ["eng"], servers: ["calendar"], scopes: ["write"])
        world.addRule("all-read", .allow, servers: ["calendar"], scopes: ["read"])
        #expect(world.decide("bob", to: "calendar").grantedScope == ["read", "write"])
        #expect(world.decide("carol", to: "calendar").grantedScope == ["read"])
        #expect(world.decide("carol", to: "calendar", scope: ["write"]) == .deny(.scopesNotAllowed(requested: ["write"])))
    }

    @Test("a rule listing clients does not match another client")
    func clientRestriction() {
        var world = PolicyWorld.standard()
        world.addRule("cli-only", .allow, users: ["alice"], clients: ["cli"], servers: ["files"])
        #expect(world.decide("alice", via: "cli").grantedScope == ["read", "write", "admin"])
        #expect(world.decide("alice", via: "web") == .deny(.noMatchingAllowRule))
    }

    @Test("a rule listing servers does not match another server")
    func serverRestriction() {
        var world = PolicyWorld.standard()
        world.addRule("files-only", .allow, users: ["alice"], servers: ["files"])
        #expect(world.decide("alice", to: "calendar") == .deny(.noMatchingAllowRule))
    }

    @Test("a second-factor condition needs otp in amr, and asks for a step-up otherwise")
    func secondFactor() {
        var world = PolicyWorld.standard()
        world.addRule("mfa", .allow, users: ["alice"], servers: ["files"], conditions: PolicyConditions(requiresSecondFactor: true))
        #expect(world.decide("alice", methods: ["pwd", "otp"]).grantedScope == ["read", "write", "admin"])
        let stepUp = StepUpRequirement(requiresSecondFactor: true, maximumAuthenticationAge: nil, ruleIDs: ["mfa"])
        #expect(world.decide("alice", methods: ["pwd"]) == .deny(.stepUpRequired(stepUp)))
    }

    @Test("a maximum-age condition fails for an old sign-in and reports the max age")
    func maximumAge() {
        var world = PolicyWorld.standard()
        world.addRule("fresh", .allow, users: ["alice"], servers: ["files"], conditions: PolicyConditions(maximumAuthenticationAge: 300))
        #expect(world.decide("alice", age: 300).grantedScope == ["read", "write", "admin"])
        let stepUp = StepUpRequirement(requiresSecondFactor: false, maximumAuthenticationAge: 300, ruleIDs: ["fresh"])
        #expect(world.decide("alice", age: 301) == .deny(.stepUpRequired(stepUp)))
        #expect(world.decide("alice", age: 301).rejection?.errorCode == .insufficientUserAuthentication)
    }

    @Test("an explicitly requested high-impact scope asks for a step-up rather than a silently narrower grant")
    func stepUpForRequestedScope() {
        var world = PolicyWorld.standard()
        world.addRule("read", .allow, users: ["alice"], servers: ["files"], scopes: ["read"])
        world.addRule(
            "admin-mfa", .allow, users: ["alice"], servers: ["files"], scopes: ["admin"], conditions: PolicyConditions(requiresSecondFactor: true))
        let stepUp = StepUpRequirement(requiresSecondFactor: true, maximumAuthenticationAge: nil, ruleIDs: ["admin-mfa"])
        #expect(world.decide("alice", scope: ["read", "admin"]) == .deny(.stepUpRequired(stepUp)))
        // Nothing requested: what is allowed now is granted, without the conditional scope.
        #expect(world.decide("alice").grantedScope == ["read"])
        #expect(world.decide("alice", scope: ["read", "admin"], methods: ["pwd", "otp"]).grantedScope == ["read", "admin"])
    }

    @Test("a server without scopes is all-or-nothing")
    func scopelessServer() {
        var world = PolicyWorld.standard()
        world.addRule("wiki", .allow, users: ["alice"], servers: ["wiki"])
        world.addRule("scoped", .allow, users: ["bob"], scopes: ["read"])
        #expect(world.decide("alice", to: "wiki") == .allow(PolicyGrant(scope: [], allowedBy: ["wiki"])))
        #expect(world.decide("alice", to: "wiki", scope: ["read"]) == .deny(.scopesNotAllowed(requested: ["read"])))
        #expect(world.decide("bob", to: "wiki") == .deny(.noMatchingAllowRule))
    }

    @Test("preconditions: unknown or suspended user, public or unmapped client, unknown server")
    func preconditions() {
        var world = PolicyWorld.standard()
        world.addRule("all", .allow)
        #expect(world.decide("nobody") == .deny(.unknownUser("u-nobody")))
        #expect(world.decide("dave") == .deny(.userSuspended("u-dave")))
        #expect(world.decide("alice", via: "ghost") == .deny(.unknownClient("ghost")))
        #expect(world.decide("alice", via: "public-app") == .deny(.publicClient("public-app")))
        #expect(world.decide("alice", via: "web", to: "calendar") == .deny(.clientNotRegisteredAtServer("web", "s-calendar")))
        #expect(world.decide("alice", to: "nowhere") == .deny(.unknownServer("s-nowhere")))
        world.state.clients["cli"]?.credentials.isDisabled = true
        #expect(world.decide("alice") == .deny(.clientDisabled("cli")))
    }

    @Test("a rule naming a user both directly and through a group counts once")
    func duplicateSubjects() {
        var world = PolicyWorld.standard()
        world.addRule("both", .allow, users: ["alice"], groups: ["eng"], servers: ["files"], scopes: ["read"])
        #expect(world.decide("alice") == .allow(PolicyGrant(scope: ["read"], allowedBy: ["both"])))
    }

    @Test("available servers lists what the user may reach through the client")
    func availableServers() {
        var world = PolicyWorld.standard()
        world.addRule("eng-files", .allow, groups: ["eng"], servers: ["files"], scopes: ["read"])
        world.addRule("all-wiki", .allow, servers: ["wiki"])
        let request = PolicyWorld.request("alice")
        let available = world.snapshot.availableServers(user: "u-alice", client: "cli", authentication: request.authentication, now: request.now)
        #expect(available.map(\.server.name) == ["files", "wiki"])
        #expect(available.first?.scope == ["read"])
    }
}

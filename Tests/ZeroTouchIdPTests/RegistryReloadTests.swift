import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Registry snapshots")
struct RegistryReloadTests {
    @Test("a second registry on the same store sees a change after reloadIfChanged")
    func replicaReload() async throws {
        let fixture = try await RegistryFixture()
        let replica = try await fixture.replica()
        let alice = try await fixture.createUser("alice", password: "correct horse battery")
        #expect(replica.snapshot.user(alice.id) == nil)
        #expect(try await replica.reloadIfChanged())
        #expect(replica.snapshot.user(alice.id)?.username == "alice")
        #expect(try await replica.reloadIfChanged() == false)

        try await fixture.registry.suspendUser(alice.id, by: RegistryFixture.admin)
        #expect(try replica.authenticate(username: "alice", password: "correct horse battery").id == alice.id)
        try await replica.reloadIfChanged()
        #expect(throws: LoginRejection.suspended(alice.id)) { try replica.authenticate(username: "alice", password: "correct horse battery") }
    }

    @Test("changes from two registries interleave without losing either")
    func interleavedChanges() async throws {
        let fixture = try await RegistryFixture()
        let replica = try await fixture.replica()
        try await fixture.createUser("alice")
        // The replica has not seen alice; its own change can't be replayed onto a stale snapshot, so it reloads.
        try await replica.createUser(UserDetails(username: "bob", displayName: "Bob"), password: "correct horse battery", by: "admin")
        #expect(Set(replica.snapshot.users.map(\.username)) == ["alice", "bob"])
        // Both replicas enforce the username uniqueness through the store.
        await #expect(throws: IdPAdminError.self) {
            try await replica.createUser(UserDetails(username: "ALICE", displayName: "A"), password: "correct horse battery", by: "admin")
        }
        try await fixture.registry.reloadIfChanged()
        #expect(fixture.registry.snapshot.version == replica.snapshot.version)
    }

    @Test("an incremental refresh after an own change equals a full reload")
    func incrementalEqualsFull() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice")
        let group = try await fixture.registry.createGroup(name: "eng", by: "admin")
        try await fixture.registry.addMember(alice.id, to: group.id, by: "admin")
        let server = try await fixture.registry.createServer(RegistryFixture.server("files"), by: "admin")
        try await fixture.registry.createClient(RegistryFixture.client("cli", servers: [server.id: "cli"]), by: "admin")
        try await fixture.registry.createRule(
            PolicyRule(
                id: "r-1", name: "eng", effect: .allow, subjects: .groups(group.id), servers: [server.id], scopes: ["read"],
                createdAt: .distantPast),
            by: "admin")
        try await expectSameAsFullReload(fixture)
        let request = PolicyRequest(
            user: alice.id, client: "cli", server: server.id,
            authentication: AuthenticationContext(methods: ["pwd"], authenticatedAt: fixture.clock.now), now: fixture.clock.now)
        #expect(fixture.registry.snapshot.decide(request).grantedScope == ["read"])

        try await fixture.registry.deleteRule("r-1", by: "admin")
        try await fixture.registry.removeMember(alice.id, from: group.id, by: "admin")
        try await fixture.registry.deleteServer(server.id, by: "admin")
        #expect(fixture.registry.snapshot.client("cli")?.serverClientIDs.isEmpty == true)
        #expect(fixture.registry.snapshot.decide(request) == .deny(.unknownServer(server.id)))
        try await expectSameAsFullReload(fixture)
    }

    private func expectSameAsFullReload(_ fixture: RegistryFixture) async throws {
        let live = fixture.registry.snapshot
        let fresh = try await fixture.replica().snapshot
        #expect(live.version == fresh.version)
        #expect(live.state.users == fresh.state.users)
        #expect(live.state.groups == fresh.state.groups)
        #expect(live.state.memberships == fresh.state.memberships)
        #expect(live.state.clients == fresh.state.clients)
        #expect(live.state.servers == fresh.state.servers)
        #expect(live.state.rules == fresh.state.rules)
    }
}

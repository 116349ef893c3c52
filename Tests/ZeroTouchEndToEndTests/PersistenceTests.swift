import Foundation
import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchStorage

/// `zerotouch dev` twice on one data directory (in process; `DevProcessTests` does it across processes).
@Suite("Restart persistence")
struct PersistenceTests {
    @Test("a restart keeps the organization, the passwords, the servers' data and the audit trail, and seeds nothing again")
    func restartKeepsEverything() async throws {
        let directory = try TemporaryDirectory("restart")
        defer { directory.remove() }
        let first = try await DevFixture.start(in: directory, ports: try await TestPorts.allocate(), credentials: nil)
        let seededAt = first.environment.marker.seededAt
        let exchangeID: String
        do {
            let alice = try await first.signIn("alice")
            let issues = try await alice.connect(to: .issues)
            _ = try await ToolCalls.call(issues, "create_issue", ["title": "Survives a restart"])
            await issues.close()
            exchangeID = try #require(try await first.audit(AuditQuery(service: "idp", event: "token_exchange", outcome: .success)).first).id
        } catch {
            await first.environment.stop()
            throw error
        }
        await first.environment.stop()

        let second = try await DevFixture.start(in: directory, ports: nil, credentials: first.credentials)
        do {
            #expect(second.environment.isNewOrganization == false)
            #expect(second.environment.credentials == nil)
            #expect(second.topology == first.topology, "the seeded ports are reused")
            #expect(second.environment.marker.seededAt == seededAt)
            let snapshot = second.environment.identityProvider.registry.snapshot
            #expect(snapshot.users.count == DevOrganization.accounts.count)
            #expect(snapshot.groups.count == DevGroup.allCases.count)
            let alice = try await second.signIn("alice")
            let issues = try await alice.connect(to: .issues)
            let listed = try await ToolCalls.object(issues, "list_issues")["issues"] as? [[String: Any]] ?? []
            #expect(listed.contains { $0["title"] as? String == "Survives a restart" })
            await issues.close()
            let exchanges = try await second.audit(AuditQuery(service: "idp", event: "token_exchange", limit: 1000))
            #expect(exchanges.contains { $0.id == exchangeID }, "the first run's audit trail is still there")
        } catch {
            await second.environment.stop()
            throw error
        }
        await second.environment.stop()
    }

    @Test("restarting a seeded directory on other ports is refused: its catalog and trust name the first ports")
    func otherPortsAreRefused() async throws {
        let directory = try TemporaryDirectory("ports")
        defer { directory.remove() }
        let first = try await DevFixture.start(in: directory, ports: try await TestPorts.allocate(), credentials: nil)
        await first.environment.stop()
        let other = try await TestPorts.allocate()
        await #expect(throws: DevEnvironmentError.portsDiffer(seeded: first.topology.ports, requested: other)) {
            _ = try await DevFixture.start(in: directory, ports: other, credentials: first.credentials)
        }
    }

    @Test("a directory with IdP data but no dev organization is refused rather than seeded over")
    func partialDirectoryIsRefused() async throws {
        let directory = try TemporaryDirectory("partial")
        defer { directory.remove() }
        let data = DataDirectory(path: directory.url.appendingPathComponent("data").path)
        try data.create()
        let stores = try await StoreFactory.open(.sqlite(data), encryption: nil)
        let registry = try await IdPRegistry(store: stores.documents, passwordHasher: PasswordHasher(cost: 4))
        try await registry.createGroup(name: "someone-elses", by: "e2e")
        try await stores.close()
        await #expect(throws: DevEnvironmentError.partialOrganization(path: data.path)) {
            _ = try await DevFixture.start(in: directory, ports: try await TestPorts.allocate(), credentials: nil)
        }
    }
}

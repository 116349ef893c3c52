import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Admin operations are audited")
struct AdminAuditTests {
    @Test("each admin change writes one audit record with its change, naming the actor and never a secret")
    func auditedWithoutSecrets() async throws {
        let fixture = try await RegistryFixture()
        let registry = fixture.registry
        let password = "correct horse battery"
        let alice = try await fixture.createUser("alice", password: password)
        try await registry.resetPassword(of: alice.id, to: "another long password", by: RegistryFixture.admin)
        let enrollment = try await registry.enrollSecondFactor(for: alice.id, by: RegistryFixture.admin)
        try await registry.suspendUser(alice.id, by: RegistryFixture.admin)
        let group = try await registry.createGroup(name: "eng", by: RegistryFixture.admin)
        try await registry.addMember(alice.id, to: group.id, by: RegistryFixture.admin)
        let server = try await registry.createServer(RegistryFixture.server("files"), by: RegistryFixture.admin)
        let client = try await registry.createClient(RegistryFixture.client("cli", servers: [server.id: "cli"]), by: RegistryFixture.admin)
        let rule = try await registry.createRule(
            PolicyRule(
                id: .generate(), name: "eng files", effect: .allow, subjects: .groups(group.id), servers: [server.id], createdAt: .distantPast),
            by: RegistryFixture.admin)

        let records = fixture.store.auditRecords
        #expect(records.map(\.event) == [
            "admin.user.create", "admin.user.reset_password", "admin.user.enroll_totp", "admin.user.suspend", "admin.group.create",
            "admin.group.add_member", "admin.server.create", "admin.client.create", "admin.policy.create",
        ])
        #expect(try await fixture.store.version() == Int64(records.count))
        #expect(records.allSatisfy { $0.service == "idp" && $0.actor == RegistryFixture.admin && $0.outcome == .success })
        #expect(records[0].subject == alice.id.rawValue)
        #expect(records[5].details["group_id"] == group.id.rawValue)
        #expect(records[6].resource == server.resource.rawValue)
        #expect(records[7].clientID == "cli")
        #expect(records[8].details["rule_id"] == rule.id.rawValue)

        let encoded = String(decoding: try DocumentCoding.encoder.encode(records), as: UTF8.self)
        let stored = try #require(registry.snapshot.user(alice.id))
        for secret in [password, "another long password", enrollment.secret, stored.passwordHash, client.credentials.secretHash ?? "-"] {
            #expect(!encoded.contains(secret))
        }
    }

    @Test("a refused change writes neither documents nor an audit record")
    func refusedChangeIsNotApplied() async throws {
        let fixture = try await RegistryFixture()
        try await fixture.createUser("alice")
        let version = try await fixture.store.version()
        await #expect(throws: IdPAdminError.self) { try await fixture.createUser("ALICE") }
        await #expect(throws: IdPAdminError.notFound(.user, id: "u-missing")) {
            try await fixture.registry.suspendUser("u-missing", by: RegistryFixture.admin)
        }
        await #expect(throws: IdPAdminError.self) { try await fixture.registry.createGroup(name: "eng", by: "") }
        #expect(try await fixture.store.version() == version)
        #expect(fixture.store.auditRecords.count == 1)
        #expect(try await fixture.store.documents(IdPCollection.users).count == 1)
    }

    @Test("the in-memory store rolls back a whole batch when one insert conflicts")
    func storeRollsBack() async throws {
        let store = InMemoryDocumentStore()
        try await store.apply([.insert(collection: "c", id: "1", body: Data("a".utf8))], audit: nil)
        await #expect(throws: DocumentStoreError.alreadyExists(collection: "c", id: "1")) {
            try await store.apply(
                [.put(collection: "c", id: "2", body: Data("b".utf8)), .insert(collection: "c", id: "1", body: Data("c".utf8))],
                audit: AuditRecord(time: .now, service: "idp", event: "x", outcome: .success))
        }
        #expect(try await store.documents("c").map(\.id) == ["1"])
        #expect(try await store.version() == 1)
        #expect(store.auditRecords.isEmpty)
    }

    @Test("the in-memory audit log filters and pages newest first")
    func auditLogPaging() async throws {
        let log = InMemoryAuditLog()
        for index in 0..<5 {
            let event = index % 2 == 0 ? "admin.user.create" : "login"
            try await log.append(
                AuditRecord(id: "a\(index)", time: Date(timeIntervalSince1970: Double(index)), service: "idp", event: event, outcome: .success))
        }
        let first = try await log.query(AuditQuery(event: "admin.", limit: 2))
        #expect(first.records.map(\.id) == ["a4", "a2"])
        let second = try await log.query(AuditQuery(event: "admin.", limit: 2, cursor: first.nextCursor))
        #expect(second.records.map(\.id) == ["a0"])
        #expect(second.nextCursor == nil)
    }
}

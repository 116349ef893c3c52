import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// Every `AuditQuery` filter, alone and combined, run against every store kind.
@Suite("Audit log filters")
struct AuditLogFilterTests {
    /// Eight records, ten seconds apart, that each filter tells apart. `admin` and `admin/extra`
    /// sit right outside the `admin.` prefix.
    static let trail: [AuditRecord] = [
        record("r1", 0, "as", "jwt_bearer", subject: "alice", client: "client-a", resource: "https://mcp-a.example", jti: "idjag-1"),
        record("r2", 10, "idp", "token_exchange", subject: "alice", client: "client-b", resource: "https://mcp-a.example", jti: "idjag-2"),
        record("r3", 20, "idp", "admin.user.create", actor: "admin-1"),
        record("r4", 30, "idp", "admin.policy.update", outcome: .denied, actor: "admin-2"),
        record(
            "r5", 40, "as", "jwt_bearer", outcome: .failure, subject: "alice", client: "client-b",
            resource: "https://mcp-a.example", correlation: "idjag-2"),
        record("r6", 50, "mcp", "tool.call", subject: "bob", client: "client-a", resource: "https://mcp-b.example", correlation: "at-6"),
        record("r7", 60, "idp", "admin", actor: "admin-1"),
        record("r8", 70, "idp", "admin/extra"),
    ]

    private static func record(
        _ id: String, _ seconds: TimeInterval, _ service: String, _ event: String, outcome: AuditOutcome = .success,
        actor: String? = nil, subject: String? = nil, client: String? = nil, resource: String? = nil,
        jti: String? = nil, correlation: String? = nil
    ) -> AuditRecord {
        AuditRecord(
            id: id, time: testEpoch + seconds, service: service, event: event, outcome: outcome, actor: actor,
            subject: subject, clientID: client, resource: resource, jti: jti, correlationID: correlation,
            reason: outcome == .success ? nil : "rule-\(id)")
    }

    @Test("each filter returns exactly its records, newest first", arguments: StoreKind.allCases, AuditFilterCase.allCases)
    func filterReturnsItsRecords(kind: StoreKind, filter: AuditFilterCase) async throws {
        try await kind.withStores { stores async throws in
            let log: any AuditLog = stores.auditLog
            for record in Self.trail { try await log.append(record) }
            let page = try await log.query(filter.query)
            #expect(page.records.map(\.id) == filter.expectedIDs)
            #expect(page.nextCursor == nil)
            let byID = Dictionary(uniqueKeysWithValues: Self.trail.map { ($0.id, $0) })
            #expect(page.records == filter.expectedIDs.compactMap { byID[$0] })
        }
    }

    @Test("a filtered query pages with cursors too", arguments: StoreKind.allCases)
    func filteredQueryPages(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let log: any AuditLog = stores.auditLog
            for record in Self.trail { try await log.append(record) }
            let first = try await log.query(AuditQuery(service: "idp", limit: 2))
            #expect(first.records.map(\.id) == ["r8", "r7"])
            let firstCursor = try #require(first.nextCursor)
            let second = try await log.query(AuditQuery(service: "idp", limit: 2, cursor: firstCursor))
            #expect(second.records.map(\.id) == ["r4", "r3"])
            let secondCursor = try #require(second.nextCursor)
            let third = try await log.query(AuditQuery(service: "idp", limit: 2, cursor: secondCursor))
            #expect(third.records.map(\.id) == ["r2"])
            #expect(third.nextCursor == nil)
        }
    }
}

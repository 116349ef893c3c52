import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The resolved filters of the SQLite audit log (event prefixes expanded to events, time ranges
/// turned into sequence ranges) return exactly what the plain filters would.
@Suite("SQLite audit page queries")
struct AuditPageQueryTests {
    private func withAuditLog(_ body: (SQLiteAuditLog) async throws -> Void) async throws {
        try await withTemporaryDirectory { root async throws in
            let database = try SQLiteDatabase(path: root.appendingPathComponent("audit.sqlite").path)
            defer { try? database.close() }
            try await body(SQLiteAuditLog(database: database))
        }
    }

    private func allPages(_ log: SQLiteAuditLog, _ query: AuditQuery) async throws -> [String] {
        var query = query
        var ids: [String] = []
        repeat {
            let page = try await log.query(query)
            ids += page.records.map(\.id)
            query.cursor = page.nextCursor
        } while query.cursor != nil && ids.count < 10_000
        return ids
    }

    @Test("a time range is exact even when records were appended out of time order")
    func timeRangeWithUnorderedTimes() async throws {
        try await withAuditLog { log async throws in
            // Replicas with skewed clocks append times that do not follow the sequence.
            let seconds: [TimeInterval] = [5, 1, 9, 3, 7, 2, 8, 4, 6, 0]
            try await log.append(contentsOf: seconds.enumerated().map { auditRecord("r\($0.offset)", at: $0.element) })
            let window = AuditQuery(since: testEpoch + 3, until: testEpoch + 7, limit: 2)
            let expected = seconds.enumerated().filter { (3..<7).contains($0.element) }.map { "r\($0.offset)" }.reversed()
            #expect(try await allPages(log, window) == Array(expected))
        }
    }

    @Test("an event prefix with more distinct events than it expands to is still exact")
    func widePrefixFallsBackToARange() async throws {
        try await withAuditLog { log async throws in
            var records = (0..<105).map { auditRecord("bulk-\($0)", at: TimeInterval($0), event: "bulk.e\($0)") }
            records += [auditRecord("outside-1", at: 200, event: "bulk"), auditRecord("outside-2", at: 201, event: "bulkx.e")]
            try await log.append(contentsOf: records)
            let ids = try await allPages(log, AuditQuery(event: "bulk.", limit: 40))
            #expect(ids == (0..<105).reversed().map { "bulk-\($0)" })
        }
    }

    @Test("prefix, time range, equality filter and cursor combine")
    func combinedFiltersPage() async throws {
        try await withAuditLog { log async throws in
            let records = (0..<300).map { index in
                auditRecord(
                    "r\(index)", at: TimeInterval(index), service: index % 3 == 0 ? "idp" : "as",
                    event: ["admin.user.create", "admin.policy.update", "token_exchange"][index % 3 == 0 ? index % 2 : 2])
            }
            try await log.append(contentsOf: records)
            let query = AuditQuery(service: "idp", event: "admin.", since: testEpoch + 30, until: testEpoch + 270, limit: 7)
            let expected = records.reversed().filter { record in
                record.service == "idp" && record.event.hasPrefix("admin.")
                    && record.time >= testEpoch + 30 && record.time < testEpoch + 270
            }
            #expect(try await allPages(log, query) == expected.map(\.id))
        }
    }
}

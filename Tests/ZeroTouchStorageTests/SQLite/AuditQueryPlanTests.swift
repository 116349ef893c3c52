import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// How the SQLite audit log answers each filter: `EXPLAIN QUERY PLAN` must show index reads and
/// no full table scan, so that pages stay fast at a million rows (see `AuditPageQuery`;
/// `AuditScaleTests` measures it).
@Suite("SQLite audit query plans")
struct AuditQueryPlanTests {
    private func plan(for query: AuditQuery) async throws -> [[String]] {
        try await withTemporaryDirectory { root async throws in
            let database = try SQLiteDatabase(path: root.appendingPathComponent("plan.sqlite").path)
            defer { try? database.close() }
            return try await SQLiteAuditLog(database: database).queryPlan(for: query)
        }
    }

    @Test("every filter is read through an index, never a table scan", arguments: AuditFilterCase.allCases)
    func filtersUseIndexes(filter: AuditFilterCase) async throws {
        var query = filter.query
        query.cursor = "s1000"
        let statements = try await plan(for: query)
        #expect(!statements.isEmpty)
        for lines in statements {
            #expect(lines.contains { $0.hasPrefix("SEARCH audit_records USING") }, "\(lines)")
            #expect(!lines.contains { $0.hasPrefix("SCAN audit_records") }, "\(lines)")
        }
        // Only a union of index searches (trail) or of one search per event (a prefix) merges
        // through a sorter, and those stop after a page per branch.
        let mergesBranches = filter.query.trail != nil || filter.query.event?.hasSuffix(".") == true
        if !mergesBranches {
            #expect(!statements.joined().contains("USE TEMP B-TREE FOR ORDER BY"), "\(statements)")
        }
    }

    @Test("an equality filter walks its (column, sequence) index backwards from the cursor")
    func equalityUsesCompositeIndex() async throws {
        let statements = try await plan(for: AuditQuery(clientID: "client-a", cursor: "s1000"))
        #expect(statements == [["SEARCH audit_records USING INDEX audit_records_by_client_id (client_id=? AND sequence<?)"]])
    }

    @Test("a time range becomes a sequence range read from the covering time index")
    func timeRangeUsesSequenceBounds() async throws {
        let statements = try await plan(for: AuditQuery(since: testEpoch, until: testEpoch + 60))
        #expect(statements.count == 2)
        #expect(statements.first?.contains { $0.contains("COVERING INDEX audit_records_by_occurred_at") } == true)
        #expect(statements.last?.contains { $0.contains("INTEGER PRIMARY KEY") } == true)
    }

    @Test("an event prefix is expanded by a loose scan of the covering event index")
    func eventPrefixUsesLooseIndexScan() async throws {
        let statements = try await plan(for: AuditQuery(event: "admin."))
        #expect(statements.count == 2)
        let lookups = statements.first?.filter { $0.hasPrefix("SEARCH audit_records") } ?? []
        #expect(lookups.count == 2)
        #expect(lookups.allSatisfy { $0.contains("COVERING INDEX audit_records_by_event") })
        #expect(statements.last?.contains { $0.contains("INDEX audit_records_by_event (event=?") } == true)
    }

    @Test("the unfiltered first page walks the table backwards from its newest row")
    func unfilteredReadsNewestFirst() async throws {
        #expect(try await plan(for: AuditQuery()) == [["SCAN audit_records"]])
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// Loads a million audit records and times every filter. Slow (about a minute), so it runs only
/// when `ZEROTOUCH_SCALE_TESTS` is set:
/// `ZEROTOUCH_SCALE_TESTS=1 swift test --filter AuditScaleTests`.
@Suite("SQLite audit log at a million rows", .enabled(if: ProcessInfo.processInfo.environment["ZEROTOUCH_SCALE_TESTS"] != nil))
struct AuditScaleTests {
    static let rowCount = 1_000_000

    /// Record `index` of a realistic mix: mostly tool calls, some grants, a few admin changes and denials.
    private static func record(_ index: Int) -> AuditRecord {
        let event =
            switch index % 10 {
            case _ where index % 50 == 0: "admin.user.update"
            case 0..<6: "tool.call"
            case 6..<8: "jwt_bearer"
            default: "token_exchange"
            }
        return AuditRecord(
            id: "r\(index)", time: testEpoch + TimeInterval(index), service: ["idp", "as", "mcp", "mcp"][index % 4],
            event: event, outcome: index % 97 == 0 ? .denied : .success, actor: "user\(index % 1000)",
            subject: "user\(index % 1000)", clientID: "client\(index % 20)", resource: "https://mcp\(index % 5).example",
            scope: "read", jti: "jti-\(index)", correlationID: "jti-\(index - 1)", details: ["tool": "search"])
    }

    @Test("every filter answers a page quickly")
    func filtersStayFast() async throws {
        try await withTemporaryDirectory { root async throws in
            let database = try SQLiteDatabase(path: root.appendingPathComponent("scale.sqlite").path)
            defer { try? database.close() }
            let log = SQLiteAuditLog(database: database)
            for start in stride(from: 0, to: Self.rowCount, by: 20_000) {
                try await log.append(contentsOf: (start..<start + 20_000).map(Self.record))
            }
            let clock = ContinuousClock()
            var queries = AuditFilterCase.allCases.map { ($0.rawValue, $0.query) }
            queries += [
                ("toolPrefix", AuditQuery(event: "tool.")),
                ("wideWindow", AuditQuery(since: testEpoch + 1, until: testEpoch + 900_000)),
                ("oldNarrowWindow", AuditQuery(since: testEpoch + 1, until: testEpoch + 1000)),
                ("recentSince", AuditQuery(since: testEpoch + 999_990)),
                ("absentActor", AuditQuery(actor: "nobody")),
                ("trailMiddle", AuditQuery(trail: "jti-500000")),
                ("clientWithCursor", AuditQuery(clientID: "client3", cursor: "s500000")),
            ]
            for (name, query) in queries {
                var page = AuditPage(records: [], nextCursor: nil)
                let elapsed = try await clock.measure { page = try await log.query(query) }
                print("scale \(name): \(page.records.count) records in \(elapsed)")
                #expect(elapsed < .milliseconds(500), "\(name) took \(elapsed)")
            }
        }
    }
}

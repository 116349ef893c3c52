import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The `AuditLog` contract: durable appends, newest-first pages, cursors, the trail join and the
/// size limits, run against every store kind.
@Suite("Audit log contract")
struct AuditLogContractTests {
    /// A record with every field set, a fractional time and details that need escaping.
    private let complete = AuditRecord(
        id: "rec-complete", time: testEpoch + 0.25, service: "idp", event: "token_exchange", outcome: .denied,
        actor: "alice@example.com", subject: "user-42", clientID: "client-a", resource: "https://mcp.example/api",
        scope: "files:read files:write", jti: "idjag-1", correlationID: "login-7", reason: "policy.blocked",
        details: ["rule": "deny-contractors", "remote": "203.0.113.9", "quote": "\"a\"/b\\c", "emoji": "🔐"])

    @Test("a record survives closing the pool and reopening the database", arguments: StoreKind.allCases)
    func appendIsDurable(kind: StoreKind) async throws {
        try await kind.withBackend { backend async throws in
            let first = try await backend.open()
            try await first.auditLog.append(complete)
            try await first.close()
            let reopened = try await backend.open()
            #expect(try await reopened.auditLog.query(AuditQuery()).records == [complete])
        }
    }

    @Test("every field of a record reads back unchanged", arguments: StoreKind.allCases)
    func recordRoundTrips(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let minimal = auditRecord("rec-minimal", at: 1, clientID: nil)
            try await stores.auditLog.append(complete)
            try await stores.auditLog.append(minimal)
            #expect(try await stores.auditLog.query(AuditQuery()).records == [minimal, complete])
        }
    }

    @Test("records come newest first, in the order they were appended", arguments: StoreKind.allCases)
    func newestFirst(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let records = (0..<20).map { auditRecord("r\($0)", at: TimeInterval($0)) }
            for record in records { try await stores.auditLog.append(record) }
            let page = try await stores.auditLog.query(AuditQuery())
            #expect(page.records == records.reversed())
            #expect(zip(page.records, page.records.dropFirst()).allSatisfy { $0.time > $1.time })
        }
    }

    @Test("paging through 250 records with cursors returns each exactly once", arguments: StoreKind.allCases)
    func pagingHasNoDuplicatesOrGaps(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let log: any AuditLog = stores.auditLog
            let records = (0..<250).map { auditRecord(String(format: "r%03d", $0), at: TimeInterval($0)) }
            for record in records { try await log.append(record) }
            var seen: [String] = []
            var pageSizes: [Int] = []
            var cursor: String?
            repeat {
                let page = try await log.query(AuditQuery(limit: 100, cursor: cursor))
                seen += page.records.map(\.id)
                pageSizes.append(page.records.count)
                if pageSizes.count == 1 {
                    // Records appended while paging do not shift the pages already under way.
                    try await log.append(auditRecord("late", at: 999))
                }
                cursor = page.nextCursor
            } while cursor != nil && pageSizes.count < 10
            #expect(pageSizes == [100, 100, 50])
            #expect(seen == records.reversed().map(\.id))
            #expect(try await log.query(AuditQuery(limit: 1)).records.map(\.id) == ["late"])
        }
    }

    @Test("a page holds at most the maximum limit, and a limit below one counts as one", arguments: StoreKind.allCases)
    func limitIsCapped(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let log: any AuditLog = stores.auditLog
            let total = AuditQuery.maximumLimit + 5
            for index in 0..<total { try await log.append(auditRecord("r\(index)", at: TimeInterval(index))) }
            let first = try await log.query(AuditQuery(limit: 50_000))
            #expect(first.records.count == AuditQuery.maximumLimit)
            let cursor = try #require(first.nextCursor)
            let rest = try await log.query(AuditQuery(limit: 50_000, cursor: cursor))
            #expect(rest.records.map(\.id) == ["r4", "r3", "r2", "r1", "r0"])
            #expect(rest.nextCursor == nil)
            #expect(try await log.query(AuditQuery(limit: 0)).records.map(\.id) == ["r\(total - 1)"])
        }
    }

    @Test("the trail of a grant joins records by jti or correlation id", arguments: StoreKind.allCases)
    func trailJoinsJTIAndCorrelationID(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let log: any AuditLog = stores.auditLog
            let exchange = auditRecord("exchange", at: 0, service: "idp", event: "token_exchange", jti: "idjag-1")
            let redemption = auditRecord("redemption", at: 1, jti: "at-1", correlationID: "idjag-1")
            let call1 = auditRecord("call-1", at: 2, service: "mcp", event: "tool.call", correlationID: "at-1")
            let call2 = auditRecord("call-2", at: 3, service: "mcp", event: "tool.call", correlationID: "at-1")
            let other = auditRecord("other", at: 4, service: "idp", event: "token_exchange", jti: "idjag-2")
            for record in [exchange, redemption, call1, call2, other] { try await log.append(record) }
            #expect(try await log.query(AuditQuery(trail: "idjag-1")).records == [redemption, exchange])
            #expect(try await log.query(AuditQuery(trail: "at-1")).records == [call2, call1, redemption])
            #expect(try await log.query(AuditQuery(trail: "unknown")).records.isEmpty)
        }
    }

    @Test("details of exactly 16 KiB are kept; one byte more is rejected and nothing is written", arguments: StoreKind.allCases)
    func detailsSizeLimit(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let log: any AuditLog = stores.auditLog
            let limit = StorageLimits.maximumAuditDetailsSize
            // {"k":"…"} is 8 bytes plus the value.
            let largest = auditRecord("largest", details: ["k": String(repeating: "x", count: limit - 8)])
            try await log.append(largest)
            let tooLarge = auditRecord("too-large", details: ["k": String(repeating: "x", count: limit - 7)])
            await #expect(throws: StorageError.auditDetailsTooLarge(auditID: "too-large", size: limit + 1, limit: limit)) {
                try await log.append(tooLarge)
            }
            #expect(try await log.query(AuditQuery()).records.map(\.id) == ["largest"])
        }
    }

    @Test("appending a record id twice fails and keeps the first", arguments: StoreKind.allCases)
    func duplicateIDFails(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            try await stores.auditLog.append(auditRecord("same", at: 0, event: "first"))
            await #expect(throws: (any Error).self) { try await stores.auditLog.append(auditRecord("same", at: 1, event: "second")) }
            #expect(try await stores.auditLog.query(AuditQuery()).records.map(\.event) == ["first"])
        }
    }

    @Test(
        "a cursor the store did not make is rejected",
        arguments: StoreKind.allCases, ["", "not-a-cursor", "42", "s0", "s-1", "s99999999999999999999"])
    func invalidCursorIsRejected(kind: StoreKind, cursor: String) async throws {
        try await kind.withStores { stores async throws in
            await #expect(throws: StorageError.invalidCursor) { try await stores.auditLog.query(AuditQuery(cursor: cursor)) }
        }
    }
}

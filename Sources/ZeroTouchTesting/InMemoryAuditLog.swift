public import Foundation
import Synchronization
public import ZeroTouchCore

/// An `AuditLog` in memory, for tests: the same filtering and paging contract as the SQL store.
///
/// Records are ordered newest first by append order; a page's cursor is the position of its last record.
public final class InMemoryAuditLog: AuditLog {
    private let records = Mutex<[AuditRecord]>([])

    public init() {}

    /// Every record appended so far, oldest first.
    public var all: [AuditRecord] { records.withLock { $0 } }

    public func append(_ record: AuditRecord) async throws { appendNow(record) }

    /// Appends without suspending, so `InMemoryDocumentStore.apply` can write its audit record inside its own lock.
    func appendNow(_ record: AuditRecord) { records.withLock { $0.append(record) } }

    public func query(_ query: AuditQuery) async throws -> AuditPage {
        let snapshot = all
        let limit = max(1, min(query.limit, AuditQuery.maximumLimit))
        var start = snapshot.count - 1
        if let cursor = query.cursor {
            guard let position = Int(cursor) else { return AuditPage(records: [], nextCursor: nil) }
            start = min(start, position - 1)
        }
        var page: [AuditRecord] = []
        var index = start
        while index >= 0 && page.count < limit {
            if Self.matches(snapshot[index], query) { page.append(snapshot[index]) }
            index -= 1
        }
        // The loop stopped on a full page right after taking position `index + 1`.
        let hasMore = index >= 0 && snapshot[0...index].contains { Self.matches($0, query) }
        return AuditPage(records: page, nextCursor: hasMore ? String(index + 1) : nil)
    }

    private static func matches(_ record: AuditRecord, _ query: AuditQuery) -> Bool {
        if let service = query.service, record.service != service { return false }
        if let event = query.event {
            if event.hasSuffix(".") ? !record.event.hasPrefix(event) : record.event != event { return false }
        }
        if let outcome = query.outcome, record.outcome != outcome { return false }
        if let actor = query.actor, record.actor != actor { return false }
        if let subject = query.subject, record.subject != subject { return false }
        if let clientID = query.clientID, record.clientID != clientID { return false }
        if let resource = query.resource, record.resource != resource { return false }
        if let trail = query.trail, record.jti != trail && record.correlationID != trail { return false }
        if let since = query.since, record.time < since { return false }
        if let until = query.until, record.time > until { return false }
        return true
    }
}

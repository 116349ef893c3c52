import Foundation
import ZeroTouchCore

/// The statements that answer one `AuditQuery` page, run in one read transaction (one snapshot).
///
/// The page is `… WHERE <filters> [AND sequence < cursor] ORDER BY sequence DESC LIMIT size + 1`;
/// the extra row only tells whether an older page exists. Every equality filter has an index
/// `(column, sequence)`, so SQLite seeks to the value, walks backwards from the cursor and stops
/// after `size + 1` entries, without sorting. Two filters would otherwise force a sort of every
/// matching row (0.6–0.9 s at a million rows), so each is first resolved through its index:
/// - an event prefix (`admin.`) becomes the list of distinct matching events, found by a loose
///   index scan (one seek per distinct event), and the page uses `event IN (…)`, which SQLite
///   answers by reading at most `size + 1` entries per event;
/// - a time range becomes the smallest and largest `sequence` inside it, read from the covering
///   `(occurred_at, sequence)` index, and the page reads that `sequence` range of the table backwards.
/// `trail` is an OR of two indexed equalities (a union of two index searches over a grant's few
/// records). `AuditQueryPlanTests` pins the plans; PostgreSQL can run the same statements (give
/// the `event` index `COLLATE "C"` so ranges compare bytes as in SQLite).
struct AuditPageQuery {
    /// A statement and the values bound to its `?` placeholders, in either database's terms.
    typealias Statement = (sql: String, arguments: [SQLValue])

    /// The most distinct events a prefix expands to; a wider prefix is filtered as a range instead.
    static let maximumPrefixExpansion = 100

    let query: AuditQuery
    /// How many records one page holds: `query.limit` clamped to `1...AuditQuery.maximumLimit`.
    let pageSize: Int
    private let cursor: Int64?

    /// Checks `query`.
    /// - Throws: `StorageError.invalidCursor` when `query.cursor` is not a cursor `cursor(after:)` made.
    init(_ query: AuditQuery) throws {
        self.query = query
        pageSize = min(max(query.limit, 1), AuditQuery.maximumLimit)
        cursor = try query.cursor.map(Self.sequence(fromCursor:))
    }

    /// The statement that expands the event prefix to the distinct matching events, if the
    /// query has a prefix. The backends run it first (see `fetch` in `AuditPageQuery+SQLite.swift`
    /// and `AuditPageQuery+Postgres.swift`).
    var distinctEventsStatement: Statement? {
        eventPrefix.map(Self.distinctEvents)
    }

    /// The events to filter on with `IN (…)` given the expansion's result, or `nil` to filter the
    /// prefix as a range (too many distinct events).
    func events(expandingTo matching: [String]) -> [String]? {
        matching.count <= Self.maximumPrefixExpansion ? matching : nil
    }

    /// The page made of the rows the page statement returned (at most `pageSize + 1`).
    func page(from rows: [(sequence: Int64, record: AuditRecord)]) -> AuditPage {
        let records = rows.prefix(pageSize)
        let nextCursor = rows.count > pageSize ? records.last.map { Self.cursor(after: $0.sequence) } : nil
        return AuditPage(records: records.map(\.record), nextCursor: nextCursor)
    }

    /// Every statement `fetch` may run, with stand-in values for the resolved events and
    /// sequences (SQLite plans without looking at bound values), for `EXPLAIN QUERY PLAN`.
    var statements: [Statement] {
        var statements: [Statement] = []
        if let prefix = eventPrefix { statements.append(Self.distinctEvents(prefix)) }
        if let bounds = sequenceBounds { statements.append(bounds) }
        let events = eventPrefix.map { [$0 + "a", $0 + "b"] }
        statements.append(page(events: events, sequences: sequenceBounds == nil ? nil : 1...2))
        return statements
    }

    /// The cursor that resumes after the record with `sequence`. Callers treat it as opaque.
    static func cursor(after sequence: Int64) -> String {
        "s\(sequence)"
    }

    /// The sequence a cursor made by `cursor(after:)` holds.
    /// - Throws: `StorageError.invalidCursor` for anything else.
    static func sequence(fromCursor cursor: String) throws -> Int64 {
        guard cursor.hasPrefix("s"), cursor.utf8.count <= 20, let sequence = Int64(cursor.dropFirst()), sequence > 0 else {
            throw StorageError.invalidCursor
        }
        return sequence
    }

    /// The `SELECT` of the page.
    /// - Parameters:
    ///   - events: the events an event prefix resolved to, or `nil` to filter the prefix as a range.
    ///   - sequences: the sequences the time range resolved to, or `nil` without a time range.
    func page(events: [String]?, sequences: ClosedRange<Int64>?) -> Statement {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        func require(_ column: String, equals value: String?) {
            guard let value else { return }
            clauses.append("\(column) = ?")
            arguments.append(.text(value))
        }
        require("service", equals: query.service)
        if let event = query.event, event.hasSuffix(".") {
            if let events {
                clauses.append("event IN (" + Array(repeating: "?", count: events.count).joined(separator: ", ") + ")")
                arguments += events.map(SQLValue.text)
            } else {
                let (lower, upper) = Self.range(of: event)
                clauses.append("event >= ? AND event < ?")
                arguments += [.text(lower), .text(upper)]
            }
        } else {
            require("event", equals: query.event)
        }
        require("outcome", equals: query.outcome?.rawValue)
        require("actor", equals: query.actor)
        require("subject", equals: query.subject)
        require("client_id", equals: query.clientID)
        require("resource", equals: query.resource)
        if let trail = query.trail {
            clauses.append("(jti = ? OR correlation_id = ?)")
            arguments += [.text(trail), .text(trail)]
        }
        if let sequences {
            clauses.append("sequence >= ? AND sequence <= ?")
            arguments += [.integer(sequences.lowerBound), .integer(sequences.upperBound)]
        }
        let (timeClauses, timeArguments) = timeRange
        clauses += timeClauses
        arguments += timeArguments
        if let cursor {
            clauses.append("sequence < ?")
            arguments.append(.integer(cursor))
        }
        arguments.append(.integer(Int64(pageSize + 1)))
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") + " "
        return ("SELECT \(AuditRecordRow.selectedColumns) FROM audit_records \(filter)ORDER BY sequence DESC LIMIT ?", arguments)
    }

    /// The event filter when it is a prefix (ends with `.`).
    private var eventPrefix: String? {
        query.event.flatMap { $0.hasSuffix(".") ? $0 : nil }
    }

    /// `[prefix, upper)` covers exactly the strings starting with `prefix`, which ends with `.`:
    /// `/` is the byte after `.`.
    private static func range(of prefix: String) -> (lower: String, upper: String) {
        (prefix, prefix.dropLast() + "/")
    }

    /// A loose index scan: the smallest matching event, then the smallest one above it, and so on.
    private static func distinctEvents(_ prefix: String) -> Statement {
        let (lower, upper) = range(of: prefix)
        return (
            """
            WITH RECURSIVE matching(event) AS (
                SELECT (SELECT MIN(event) FROM audit_records WHERE event >= ? AND event < ?)
                UNION ALL
                SELECT (SELECT MIN(event) FROM audit_records WHERE event > matching.event AND event < ?)
                FROM matching WHERE matching.event IS NOT NULL
            )
            SELECT event FROM matching WHERE event IS NOT NULL LIMIT \(maximumPrefixExpansion + 1)
            """,
            [.text(lower), .text(upper), .text(upper)]
        )
    }

    /// The smallest and largest sequence inside the time range, or `nil` without one.
    var sequenceBounds: Statement? {
        let (clauses, arguments) = timeRange
        guard !clauses.isEmpty else { return nil }
        return ("SELECT MIN(sequence), MAX(sequence) FROM audit_records WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// `since` is included, `until` is not.
    private var timeRange: (clauses: [String], arguments: [SQLValue]) {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let since = query.since {
            clauses.append("occurred_at >= ?")
            arguments.append(.integer(since.unixMicroseconds))
        }
        if let until = query.until {
            clauses.append("occurred_at < ?")
            arguments.append(.integer(until.unixMicroseconds))
        }
        return (clauses, arguments)
    }
}

import PostgresNIO
import ZeroTouchCore

extension AuditPageQuery {
    /// The page `query` asks for, read from PostgreSQL with the same statements as SQLite. The
    /// caller runs it in one `REPEATABLE READ` transaction, so the expansion, the bounds and the
    /// page see one snapshot.
    func fetch(on connection: PostgresConnection, logger: Logger) async throws -> AuditPage {
        var events: [String]?
        if let statement = distinctEventsStatement {
            var matching: [String] = []
            for try await event in try await connection.query(PostgresQuery(statement: statement), logger: logger).decode(String.self) {
                matching.append(event)
            }
            guard !matching.isEmpty else { return AuditPage(records: [], nextCursor: nil) }
            events = self.events(expandingTo: matching)
        }
        var sequences: ClosedRange<Int64>?
        if let bounds = sequenceBounds {
            var range: (Int64?, Int64?) = (nil, nil)
            for try await row in try await connection.query(PostgresQuery(statement: bounds), logger: logger).decode((Int64?, Int64?).self) {
                range = row
            }
            guard let lower = range.0, let upper = range.1 else { return AuditPage(records: [], nextCursor: nil) }
            sequences = lower...upper
        }
        let page = self.page(events: events, sequences: sequences)
        var rows: [(sequence: Int64, record: AuditRecord)] = []
        for try await row in try await connection.query(PostgresQuery(statement: page), logger: logger) {
            rows.append(try AuditRecordRow.decode(row))
        }
        return self.page(from: rows)
    }
}

import GRDB
import ZeroTouchCore

extension AuditPageQuery {
    /// The page `query` asks for, read from SQLite inside one read transaction (one snapshot):
    /// the prefix expansion and the time bounds first, then the page itself.
    func fetch(in db: Database) throws -> AuditPage {
        var events: [String]?
        if let statement = distinctEventsStatement {
            let matching = try String.fetchAll(db, sql: statement.sql, arguments: statement.arguments.sqliteArguments)
            guard !matching.isEmpty else { return AuditPage(records: [], nextCursor: nil) }
            events = self.events(expandingTo: matching)
        }
        var sequences: ClosedRange<Int64>?
        if let bounds = sequenceBounds {
            let row = try Row.fetchOne(db, sql: bounds.sql, arguments: bounds.arguments.sqliteArguments)
            guard let lower: Int64 = try row?.decode(atIndex: 0), let upper: Int64 = try row?.decode(atIndex: 1) else {
                return AuditPage(records: [], nextCursor: nil)
            }
            sequences = lower...upper
        }
        let page = self.page(events: events, sequences: sequences)
        let rows = try Row.fetchAll(db, sql: page.sql, arguments: page.arguments.sqliteArguments).map(AuditRecordRow.decode)
        return self.page(from: rows)
    }
}

extension [SQLValue] {
    /// The values as GRDB arguments for SQLite.
    var sqliteArguments: StatementArguments {
        StatementArguments(map { value -> any DatabaseValueConvertible in
            switch value {
            case .text(let text): text
            case .integer(let integer): integer
            }
        })
    }
}

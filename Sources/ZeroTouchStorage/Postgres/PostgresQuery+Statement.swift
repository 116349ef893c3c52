import PostgresNIO

extension PostgresQuery {
    /// The statement with its `?` placeholders numbered `$1`, `$2`, … in order and its values
    /// bound, so the statements `AuditPageQuery` builds for SQLite run unchanged on PostgreSQL.
    /// Only for statements this module writes: their SQL text holds no `?` besides placeholders.
    init(statement: AuditPageQuery.Statement) {
        var sql = ""
        var index = 0
        for character in statement.sql {
            if character == "?" {
                index += 1
                sql += "$\(index)"
            } else {
                sql.append(character)
            }
        }
        precondition(index == statement.arguments.count, "placeholders and arguments differ")
        var bindings = PostgresBindings(capacity: statement.arguments.count)
        for argument in statement.arguments {
            switch argument {
            case .text(let text): bindings.append(text)
            case .integer(let integer): bindings.append(integer)
            }
        }
        self.init(unsafeSQL: sql, binds: bindings)
    }
}

/// A value bound to a `?` placeholder of a statement that both the SQLite and the PostgreSQL
/// stores run (the audit page queries), so the statement builder imports neither driver.
enum SQLValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
}

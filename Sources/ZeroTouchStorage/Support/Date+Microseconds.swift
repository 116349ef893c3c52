import Foundation

extension Date {
    /// This instant as whole microseconds since 1970-01-01T00:00:00Z, the form every timestamp column
    /// stores (a plain 64-bit integer, with the precision of PostgreSQL's `timestamptz`).
    var unixMicroseconds: Int64 {
        Int64((timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The instant `microseconds` after 1970-01-01T00:00:00Z, as read back from a timestamp column.
    init(unixMicroseconds microseconds: Int64) {
        self.init(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }
}

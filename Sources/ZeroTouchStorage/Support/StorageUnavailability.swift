/// Why a database server could not serve a store operation. Every case means "try again later":
/// the HTTP layer answers `503 Service Unavailable` (RFC 9110 §15.6.4) and the connection pool
/// keeps reconnecting in the background, so the process recovers without a restart.
public enum StorageUnavailability: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// No connection became available within the configured acquire timeout: the server is down,
    /// unreachable, or every connection of the pool is busy.
    case connectionTimedOut
    /// Connecting failed repeatedly (refused, TLS or protocol failure) and the pool stopped waiting.
    case connectionFailed
    /// The connection broke while an operation was running; its outcome is unknown.
    case connectionLost
    /// The server answered but cannot serve now: shutting down, starting up, out of connections or
    /// resources (SQLSTATE classes 08, 53, 57P).
    case serverUnavailable
    /// The server refused the configured credentials or database (SQLSTATE classes 28 and 3D).
    case credentialsRejected
    /// The database object was closed; this process is stopping.
    case closed

    /// A log-safe phrase.
    public var description: String {
        switch self {
        case .connectionTimedOut: "no database connection became available in time"
        case .connectionFailed: "connecting to the database failed"
        case .connectionLost: "the database connection was lost during the operation"
        case .serverUnavailable: "the database server cannot serve requests right now"
        case .credentialsRejected: "the database server rejected the configured user, password or database"
        case .closed: "the database was closed"
        }
    }
}

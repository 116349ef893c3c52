import PostgresNIO
import ZeroTouchCore

/// Turns PostgresNIO's errors into `StorageError`, so nothing above the storage layer sees (or
/// logs, through `String(reflecting:)`) an error that carries a statement's bound values.
///
/// SQLSTATE classes (PostgreSQL manual, appendix A): 08 connection exception, 53 insufficient
/// resources and 57P operator intervention (shutdown, starting up) mean "try again later"; 28
/// (invalid authorization) and 3D000 (no such database) mean the configuration is wrong, which for
/// a request is also "unavailable". Any other server error becomes `statementFailed`.
enum PostgresFailure {
    /// The storage error for `error`, thrown while leasing a connection (`leased == false`) or
    /// while running statements on one.
    static func map(_ error: any Error, leased: Bool) -> any Error {
        switch error {
        case let error as StorageError: return error
        case let error as DocumentStoreError: return error
        case let error as PSQLError: return map(error, leased: leased)
        case is CancellationError: return error
        default: return leased ? error : StorageError.unavailable(.connectionFailed)
        }
    }

    private static func map(_ error: PSQLError, leased: Bool) -> StorageError {
        switch error.code {
        case .server:
            return map(sqlState: error.serverInfo?[.sqlState] ?? "")
        case .poolClosed:
            return .unavailable(.closed)
        case .queryCancelled:
            return .unavailable(.connectionTimedOut)
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return .unavailable(leased ? .connectionLost : .connectionFailed)
        case .connectionError, .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return .unavailable(leased ? .connectionLost : .connectionFailed)
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return .unavailable(.credentialsRejected)
        default:
            return leased ? .statementFailed(sqlState: "") : .unavailable(.connectionFailed)
        }
    }

    /// The error for a server error with SQLSTATE `sqlState`.
    static func map(sqlState: String) -> StorageError {
        switch sqlState {
        case _ where sqlState.hasPrefix("08"), _ where sqlState.hasPrefix("53"), _ where sqlState.hasPrefix("57P"):
            .unavailable(.serverUnavailable)
        case _ where sqlState.hasPrefix("28"), "3D000":
            .unavailable(.credentialsRejected)
        default:
            .statementFailed(sqlState: sqlState)
        }
    }
}

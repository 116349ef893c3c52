public import Logging
import Synchronization

/// Installs ZeroTouch's log backend: plain text to standard error behind `RedactingLogHandler`.
///
/// swift-log allows one `LoggingSystem.bootstrap` per process, so the first call installs the
/// factory and later calls (another command, a test) only change the level of loggers made from
/// then on. Nothing else in ZeroTouch may call `LoggingSystem.bootstrap`.
public enum LoggingBootstrap {
    private static let level = Mutex(Logger.Level.info)
    private static let installed = Mutex(false)

    /// Makes every new `Logger` write redacted plain text to stderr at `level` and above.
    /// - Parameter level: the minimum level (configuration key `log.level`).
    public static func bootstrap(level: Logger.Level) {
        self.level.withLock { $0 = level }
        let first = installed.withLock { installed in
            defer { installed = true }
            return !installed
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in makeHandler(label: label, level: Self.level.withLock { $0 }) }
    }

    /// The handler `bootstrap(level:)` installs for each logger: `StreamLogHandler` on stderr,
    /// wrapped in `RedactingLogHandler`.
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - level: the minimum level.
    public static func makeHandler(label: String, level: Logger.Level) -> RedactingLogHandler {
        var handler = RedactingLogHandler(wrapping: StreamLogHandler.standardError(label: label))
        handler.logLevel = level
        return handler
    }
}

import Logging
import Synchronization
import ZeroTouchServer

/// A log handler that keeps every event it receives, with the handler metadata merged in.
struct CapturingLogHandler: LogHandler {
    /// One captured line: the message and the merged metadata.
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
        var error: String?
    }

    /// The shared store of captured lines.
    final class Store: Sendable {
        private let lines = Mutex<[Line]>([])
        func append(_ line: Line) { lines.withLock { $0.append(line) } }
        var all: [Line] { lines.withLock { $0 } }
        /// Every message and metadata value as one string, to search for leaks.
        var text: String {
            all.map { line in "\(line.message) \(line.metadata) \(line.error ?? "")" }.joined(separator: "\n")
        }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    var metadataProvider: Logger.MetadataProvider?

    init(store: Store) { self.store = store }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        store.append(Line(level: event.level, message: event.message.description, metadata: merged, error: event.error.map { "\($0)" }))
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// A logger whose lines land in a fresh store, behind `RedactingLogHandler` when `redacting`.
    static func makeLogger(redacting: Bool = true) -> (Logger, Store) {
        let store = Store()
        let logger = Logger(label: "test") { _ in
            let capturing = CapturingLogHandler(store: store)
            return redacting ? RedactingLogHandler(wrapping: capturing) : capturing
        }
        return (logger, store)
    }
}

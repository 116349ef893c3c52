/// An incremental `text/event-stream` parser (HTML Living Standard §9.2.6 "Interpreting an event
/// stream"): lines end in CRLF, LF or CR (also across chunk boundaries); a blank line dispatches;
/// `:` starts a comment; one leading space after the colon is dropped; a leading BOM is ignored;
/// an event without data is not dispatched; an unterminated event at the end is dropped.
///
/// Each event is capped at `maximumEventBytes`, so a hostile server cannot grow memory without bound.
public struct ServerSentEventParser: Sendable {
    /// Thrown when one event grows past the cap.
    public struct EventTooLarge: Error, Sendable, Equatable {
        /// The cap that was exceeded.
        public var limit: Int
        /// Creates the error.
        public init(limit: Int) { self.limit = limit }
    }

    /// The largest event accepted: 4 MiB by default.
    public let maximumEventBytes: Int
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var type: String?
    private var lastEventID: String?
    private var retry: Int?
    private var lastWasCR = false
    private var isAtStart = true
    private var eventBytes = 0

    /// Creates a parser.
    public init(maximumEventBytes: Int = 4 * 1024 * 1024) { self.maximumEventBytes = maximumEventBytes }

    /// Feeds bytes; returns the events they completed.
    /// - Throws: `EventTooLarge`.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(EventTooLarge) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                if lastWasCR {
                    lastWasCR = false
                    continue
                }
                if let event = endLine() { events.append(event) }
            case UInt8(ascii: "\r"):
                lastWasCR = true
                if let event = endLine() { events.append(event) }
            default:
                lastWasCR = false
                line.append(byte)
                eventBytes += 1
                guard eventBytes <= maximumEventBytes else { throw EventTooLarge(limit: maximumEventBytes) }
            }
        }
        return events
    }

    /// Ends a line: a blank line dispatches, any other is a field or a comment.
    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if isAtStart {
            isAtStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        guard !line.isEmpty else { return dispatch() }
        guard line[0] != UInt8(ascii: ":") else { return nil }
        let name: [UInt8]
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            name = Array(line[..<colon])
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            name = line
            value = []
        }
        switch String(decoding: name, as: UTF8.self) {
        case "event": type = String(decoding: value, as: UTF8.self)
        case "data":
            if hasData { data.append(UInt8(ascii: "\n")) }
            data.append(contentsOf: value)
            hasData = true
        case "id":
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case "retry":
            if !value.isEmpty, value.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        default: break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            type = nil
            retry = nil
            eventBytes = 0
        }
        guard hasData else { return nil }
        let eventType = type.flatMap { $0.isEmpty ? nil : $0 } ?? "message"
        return ServerSentEvent(type: eventType, data: String(decoding: data, as: UTF8.self), id: lastEventID, retry: retry)
    }
}

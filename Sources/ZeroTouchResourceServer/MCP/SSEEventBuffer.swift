/// Reassembles Server-Sent Events from arbitrary byte chunks (HTML Living Standard §9.2.5): line
/// ends `CRLF`, `LF` and `CR` are normalized to `LF`, and an event ends at a blank line.
///
/// An event larger than the cap is an error, so a hostile upstream cannot make us buffer forever.
public struct SSEEventBuffer: Sendable {
    /// Why the stream was abandoned.
    public struct EventTooLarge: Error, Equatable, Sendable {
        /// The cap that was passed.
        public let limit: Int
    }

    /// The largest event accepted.
    public let maximumEventBytes: Int
    private var pending: [UInt8] = []
    private var lastWasCR = false

    /// Creates an empty buffer.
    public init(maximumEventBytes: Int = 4 * 1024 * 1024) { self.maximumEventBytes = maximumEventBytes }

    /// Adds `chunk` and returns the events it completed.
    /// - Throws: `EventTooLarge` when the unfinished event passes the cap.
    public mutating func append(_ chunk: some Sequence<UInt8>) throws(EventTooLarge) -> [SSEEvent] {
        for byte in chunk {
            if lastWasCR, byte == 0x0A {
                lastWasCR = false
                continue
            }
            lastWasCR = byte == 0x0D
            pending.append(byte == 0x0D ? 0x0A : byte)
        }
        var events: [SSEEvent] = []
        var start = pending.startIndex
        var index = start
        while index + 1 < pending.endIndex {
            if pending[index] == 0x0A, pending[index + 1] == 0x0A {
                events.append(Self.event(pending[start..<index]))
                start = index + 2
                index = start
            } else {
                index += 1
            }
        }
        pending.removeSubrange(pending.startIndex..<start)
        guard pending.count <= maximumEventBytes else { throw EventTooLarge(limit: maximumEventBytes) }
        return events.filter { !$0.lines.isEmpty }
    }

    /// The unfinished event at the end of the stream, if any (a stream may end without the final
    /// blank line; its partial event is discarded by receivers, §9.2.6, but forwarded as-is here).
    public mutating func finish() -> SSEEvent? {
        defer { pending.removeAll() }
        let event = Self.event(pending[...])
        return event.lines.isEmpty ? nil : event
    }

    private static func event(_ bytes: ArraySlice<UInt8>) -> SSEEvent {
        let text = String(decoding: bytes, as: UTF8.self)
        return SSEEvent(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty })
    }
}

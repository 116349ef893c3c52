/// One Server-Sent Event as it travels through the bridge or the gateway (HTML Living Standard
/// §9.2.5 "Parsing an event stream"): its lines, without the blank line that ends it.
public struct SSEEvent: Sendable, Equatable {
    /// The field lines (`id: …`, `event: …`, `data: …`, comments), in order.
    public var lines: [String]

    /// Creates an event from its lines.
    public init(lines: [String]) { self.lines = lines }

    /// The event's data: the `data` lines joined with line feeds, or `nil` when there are none.
    public var data: String? {
        let values = lines.compactMap(Self.dataValue)
        return values.isEmpty ? nil : values.joined(separator: "\n")
    }

    /// Replaces the data lines with one line holding `data` (which must not contain a line break).
    public mutating func replaceData(with data: String) {
        guard let first = lines.firstIndex(where: { Self.dataValue($0) != nil }) else { return }
        var replaced: [String] = []
        for (index, line) in lines.enumerated() {
            if index == first {
                replaced.append("data: " + data)
            } else if Self.dataValue(line) == nil {
                replaced.append(line)
            }
        }
        lines = replaced
    }

    /// The event on the wire, ended by a blank line.
    public var serialized: [UInt8] { Array((lines.joined(separator: "\n") + "\n\n").utf8) }

    /// The value of a `data` line: after `data:` and one optional space.
    private static func dataValue(_ line: String) -> String? {
        guard line.hasPrefix("data") else { return nil }
        let rest = line.dropFirst(4)
        if rest.isEmpty { return "" }
        guard rest.first == ":" else { return nil }
        let value = rest.dropFirst()
        return String(value.first == " " ? value.dropFirst() : value)
    }
}

/// Writes a `JSONValue` as compact RFC 8259 JSON: members in sorted order, slashes unescaped,
/// non-ASCII text as raw UTF-8, control characters escaped. The same bytes Foundation's
/// `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`.
///
/// Written by hand for the same reason as `JSONValueParser`: encoding a claims set through the
/// `Encodable` machinery was more than half the cost of signing an ID-JAG (BENCHMARKS.md, "What
/// the profile shows"), and the token paths only ever write `JSONValue` trees.
public enum JSONValueWriter {
    /// A value JSON cannot represent.
    public enum Failure: Error, Equatable, Sendable {
        /// A NaN or infinite number (RFC 8259 §6).
        case nonFiniteNumber
    }

    /// The JSON text of `value`.
    /// - Throws: `Failure.nonFiniteNumber`.
    public static func encode(_ value: JSONValue) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        try write(value, into: &output)
        return output
    }

    /// Appends the JSON text of `value` to `output`.
    /// - Throws: `Failure.nonFiniteNumber`.
    public static func write(_ value: JSONValue, into output: inout [UInt8]) throws(Failure) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let integer): output.append(contentsOf: String(integer).utf8)
        case .number(let number):
            guard number.isFinite else { throw .nonFiniteNumber }
            output.append(contentsOf: String(describing: number).utf8)
        case .string(let string): writeString(string, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, name) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(name, into: &output)
                output.append(UInt8(ascii: ":"))
                try write(members[name]!, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

import Foundation
import Testing
import ZeroTouchCore

/// `JSONValueWriter` writes exactly what `JSONEncoder` (sorted keys, unescaped slashes) writes, and
/// what it writes parses back to the same value.
@Suite("JSONValueWriter (RFC 8259)")
struct JSONValueWriterTests {
    private static var foundation: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test("random documents: the same bytes as JSONEncoder, and parsed back to the same value")
    func matchesFoundation() throws {
        var generator = SeededGenerator(seed: 0xC0FFEE)
        for _ in 0..<500 {
            let value = JSONValueParserTests.randomValue(depth: 0, using: &generator)
            let ours = try JSONValueWriter.encode(value)
            let theirs = Array(try Self.foundation.encode(value))
            #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self)) != \(String(decoding: theirs, as: UTF8.self))")
            #expect(try JSONValueParser.parse(ours) == value)
        }
    }

    @Test("every control character, quotes, backslashes and slashes are written as JSONEncoder writes them")
    func escapes() throws {
        let text = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init))) + "\"\\/é😀\u{7F}"
        let value = JSONValue.object(["k": .string(text)])
        #expect(try JSONValueWriter.encode(value) == Array(try Self.foundation.encode(value)))
    }

    @Test("NaN and infinities are refused")
    func nonFinite() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: JSONValueWriter.Failure.nonFiniteNumber) { try JSONValueWriter.encode(.array([.number(number)])) }
        }
    }
}

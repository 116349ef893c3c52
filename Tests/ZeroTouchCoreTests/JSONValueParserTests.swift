import Foundation
import Testing
import ZeroTouchCore

/// The hand-written JSON parser against RFC 8259 and against Foundation's `JSONDecoder`, which it
/// replaces on the token paths: both must accept the same texts and read the same values.
@Suite("JSONValueParser (RFC 8259)")
struct JSONValueParserTests {
    private func parse(_ text: String) throws(JSONValueParser.Failure) -> JSONValue {
        try JSONValueParser.parse(Array(text.utf8))
    }

    /// What `JSONDecoder` reads, or `nil` when it refuses the text.
    private func foundation(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test(
        "reads what JSONDecoder reads",
        arguments: [
            #"{"iss":"https://idp.example.com","sub":"u-1","aud":["a","b"],"exp":1700000000,"iat":1699999700}"#,
            #"{"nested":{"deep":[1,2,{"x":null,"y":true,"z":false}]},"empty":{},"list":[]}"#,
            #"  {"a" : "b" ,  "c":[ 1 , -2 , 3.5 , -0.25 , 1e3 , 2E-2 ] }  "#,
            #"{"escapes":"quote \" backslash \\ slash \/ controls \b\f\n\r\t unicode \u00e9 \u4e2d pair \ud83d\ude00"}"#,
            #"{"utf8":"héllo wörld ✓ 😀","zero":0,"negativeZero":-0,"big":9223372036854775807,"small":-9223372036854775808}"#,
            #"[1,"two",3.0,{"four":[5]}]"#, #""just a string""#, "42", "true", "null", "-1.5e-7",
        ])
    func agreesWithFoundation(text: String) throws {
        let ours = try parse(text)
        let theirs = try #require(foundation(text))
        #expect(Self.equivalent(ours, theirs), "\(ours) != \(theirs)")
    }

    @Test(
        "refuses what RFC 8259 does not allow",
        arguments: [
            "", " ", "{", "}", "[", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]", "01", "-", "1.", ".5", "1e", "1e+",
            "+1", "0x10", "NaN", "Infinity", "1e999", "tru", "nul", "True", "\"unterminated", "\"tab\there\"", "\"bad \\x escape\"",
            "\"\\u12\"", "\"\\u12G4\"", "\"lone high \\ud800\"", "\"lone low \\udc00\"", "\"high then text \\ud800x\"",
            "{\"a\":1}{\"b\":2}", "[1] 2", "\u{FEFF}{}",
        ])
    func refusesMalformed(text: String) {
        #expect(throws: JSONValueParser.Failure.malformed) { try parse(text) }
    }

    @Test("refuses invalid UTF-8 inside a string")
    func refusesInvalidUTF8() {
        let bytes: [UInt8] = Array("{\"a\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: JSONValueParser.Failure.malformed) { try JSONValueParser.parse(bytes) }
        let overlong: [UInt8] = Array("\"".utf8) + [0xC0, 0xAF] + Array("\"".utf8)
        #expect(throws: JSONValueParser.Failure.malformed) { try JSONValueParser.parse(overlong) }
    }

    @Test("a repeated member name is reported, also when one spelling is escaped, and at any depth")
    func duplicateMembers() {
        for text in [#"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #"{"x":{"b":1,"b":1}}"#, #"[{"k":true,"k":false}]"#] {
            #expect(throws: JSONValueParser.Failure.duplicateMemberName, "\(text)") { try parse(text) }
        }
    }

    @Test("nesting is bounded")
    func nestingIsBounded() throws {
        let ok = String(repeating: "[", count: JSONValueParser.maximumDepth) + String(repeating: "]", count: JSONValueParser.maximumDepth)
        _ = try parse(ok)
        let tooDeep = String(repeating: "[", count: JSONValueParser.maximumDepth + 1) + String(repeating: "]", count: JSONValueParser.maximumDepth + 1)
        #expect(throws: JSONValueParser.Failure.malformed) { try parse(tooDeep) }
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONValueParser.Failure.malformed) { try parse(hostile) }
    }

    @Test("integers that fit Int64 stay integers; others become doubles")
    func numberKinds() throws {
        #expect(try parse("1700000000") == .integer(1_700_000_000))
        #expect(try parse("-0") == .integer(0))
        #expect(try parse("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try parse("1.25") == .number(1.25))
        #expect(try parse("2e3") == .number(2000))
    }

    @Test("parseObject refuses any other top-level value")
    func objectOnly() {
        for text in ["[]", "1", "\"s\"", "null"] {
            #expect(throws: JSONValueParser.Failure.malformed) { try JSONValueParser.parseObject(Array(text.utf8)) }
        }
    }

    @Test("random documents encoded by JSONEncoder read back exactly")
    func randomRoundTrips() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<500 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let data = try JSONEncoder().encode(value)
            #expect(try JSONValueParser.parse(Array(data)) == value)
        }
    }

    /// Equal, reading an integral double from `JSONDecoder` (which may decode `3.0` as an integer) as equal to the integer.
    private static func equivalent(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .integer(let b)), (.integer(let b), .number(let a)): return a == Double(b)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy(equivalent)
        case (.object(let a), .object(let b)): return a.count == b.count && a.allSatisfy { key, value in b[key].map { equivalent(value, $0) } ?? false }
        default: return lhs == rhs
        }
    }

    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int64.random(in: Int64.min...Int64.max, using: &generator))
        case 3: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) + 0.25)
        case 4: return .string(randomString(using: &generator))
        case 5: return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0..<4, using: &generator) {
                members[randomString(using: &generator)] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    private static func randomString(using generator: inout SeededGenerator) -> String {
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "é", "中", "😀", "\u{7F}"]
        return String((0..<Int.random(in: 0..<8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// A deterministic generator (SplitMix64), so a failing document can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation
import Testing
import ZeroTouchJOSE

@Suite("Base64URL")
struct Base64URLTests {
    @Test("round-trips every length without padding")
    func roundTrip() throws {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("="))
            #expect(!text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
    }

    @Test("encodes exactly as RFC 4648 §5 base64url without padding, for Data and arrays alike")
    func matchesTheStandardEncoding() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 91 &+ 3) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == expected)
            #expect(Base64URL.encode(Data(bytes)) == expected)
        }
    }

    @Test("decodes the RFC 7515 §A.1 header")
    func knownAnswer() {
        let header = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        #expect(Base64URL.decode(header).map { String(decoding: $0, as: UTF8.self) } == "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}")
    }

    @Test("refuses padding, standard-alphabet characters, whitespace and impossible lengths", arguments: [
        "eyJh=", "YQ==", "ab+c", "ab/c", "ab c", "ab\nc", "abcde", "ab.c", "é",
    ])
    func refusesNonCanonical(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("refuses a last character with non-zero unused bits")
    func refusesNonZeroTrailingBits() {
        #expect(Base64URL.decode("YQ") == [0x61])
        #expect(Base64URL.decode("YR") == nil)
        #expect(Base64URL.decode("YWI") == [0x61, 0x62])
        #expect(Base64URL.decode("YWJ") == nil)
    }
}

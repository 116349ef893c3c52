import Testing
import ZeroTouchCore

@Suite("Scope (RFC 6749 §3.3)")
struct ScopeTests {
    @Test("parses space-separated tokens as a set")
    func parses() throws {
        let scope = try Scope(parsing: "issues.write issues.read issues.read")
        #expect(scope.tokens == ["issues.read", "issues.write"])
        #expect(scope.description == "issues.read issues.write")
    }

    @Test("the empty string is the empty scope")
    func empty() throws {
        #expect(try Scope(parsing: "").isEmpty)
        #expect(Scope([]).parameterValue == nil)
    }

    @Test("double spaces, leading or trailing spaces are refused", arguments: ["a  b", " a", "a "])
    func emptyTokens(value: String) {
        #expect(throws: OAuthErrorResponse.self) { try Scope(parsing: value) }
    }

    @Test("characters outside the grammar are refused", arguments: ["a\"b", "a\\b", "é", "a\tb", "a\u{7F}"])
    func forbiddenCharacters(value: String) {
        do {
            _ = try Scope(parsing: value)
            Issue.record("accepted \(value)")
        } catch {
            #expect(error.code == .invalidScope)
        }
    }

    @Test("set algebra narrows as policy needs")
    func algebra() {
        let requested: Scope = ["a", "b", "c"]
        let allowed: Scope = ["b", "c", "d"]
        #expect(requested.intersection(allowed) == ["b", "c"])
        #expect(requested.subtracting(allowed) == ["a"])
        #expect(Scope(["b"]).isSubset(of: allowed))
        #expect(!requested.isSubset(of: allowed))
    }

    @Test("encodes as a JSON string and refuses a bad one")
    func codable() throws {
        let data = try JSONEncoder().encode(["scope": Scope(["b", "a"])])
        #expect(String(decoding: data, as: UTF8.self) == #"{"scope":"a b"}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: Scope].self, from: Data(#"{"scope":"a  b"}"#.utf8)) }
    }
}

import Foundation

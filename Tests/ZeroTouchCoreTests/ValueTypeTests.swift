import Foundation
import Testing
import ZeroTouchCore

@Suite("JSON values, errors and the clock")
struct ValueTypeTests {
    @Test("JSON values keep integers exact and read aud in both forms")
    func jsonValue() throws {
        let claims = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"exp":1900000000,"aud":"a","auds":["a","b"],"mixed":["a",1],"f":1.5}"#.utf8))
        #expect(claims["exp"] == .integer(1_900_000_000))
        #expect(claims["exp"]?.dateValue == Date(timeIntervalSince1970: 1_900_000_000))
        #expect(claims["aud"]?.stringOrStringArray == ["a"])
        #expect(claims["auds"]?.stringOrStringArray == ["a", "b"])
        #expect(claims["mixed"]?.stringOrStringArray == nil)
        #expect(claims["f"]?.doubleValue == 1.5)
        let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(claims))
        #expect(again == claims)
    }

    @Test("error statuses follow RFC 6749 §5.2 and RFC 6750 §3.1")
    func statuses() {
        #expect(OAuthErrorResponse(.invalidClient).status == 401)
        #expect(OAuthErrorResponse(.invalidGrant).status == 400)
        #expect(OAuthErrorResponse(.insufficientScope).status == 403)
        #expect(OAuthErrorResponse(.serverError).status == 500)
        #expect(OAuthErrorResponse(.temporarilyUnavailable).status == 503)
        #expect(OAuthErrorResponse(.accessDenied, status: 403).status == 403)
    }

    @Test("the manual clock moves only when told")
    func manualClock() {
        let clock = ManualClock(Date(timeIntervalSince1970: 100))
        #expect(clock.now == Date(timeIntervalSince1970: 100))
        clock.advance(by: 61)
        #expect(clock.now == Date(timeIntervalSince1970: 161))
    }

    @Test("identifiers of different kinds are distinct types with string literals")
    func identifiers() throws {
        let issuer: Issuer = "https://idp.example"
        #expect(issuer.rawValue == "https://idp.example")
        let data = try JSONEncoder().encode([ClientID("c1")])
        #expect(String(decoding: data, as: UTF8.self) == #"["c1"]"#)
    }
}

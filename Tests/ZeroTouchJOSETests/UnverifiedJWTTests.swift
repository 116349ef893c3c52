import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE

@Suite("Parsing a compact JWS")
struct UnverifiedJWTTests {
    static let header: [String: JSONValue] = ["alg": .string("ES256"), "kid": .string("k1"), "typ": .string("oauth-id-jag+jwt")]

    @Test("parses header, claims, signing input and signature")
    func parsesValidToken() throws {
        let claims = Fixture.claims()
        let token = Fixture.token(header: Self.header, claims: claims)
        let parsed = try UnverifiedJWT(compact: token)
        #expect(parsed.header.algorithm == "ES256")
        #expect(parsed.header.keyID == "k1")
        #expect(parsed.header.type == "oauth-id-jag+jwt")
        #expect(parsed.header.otherMembers.isEmpty)
        #expect(parsed.unverifiedClaims.members == claims)
        #expect(try parsed.unverifiedClaims.issuer == Fixture.issuer)
        #expect(try parsed.unverifiedClaims.audience == [Fixture.audience])
        #expect(parsed.signingInput == Array(token.split(separator: ".").prefix(2).joined(separator: ".").utf8))
        #expect(parsed.signature == Array("signature".utf8))
    }

    @Test("refuses a token over the 16 KiB cap before decoding it")
    func refusesOversizedToken() {
        let token = String(repeating: "A", count: 16 * 1024 + 1)
        #expect(throws: JOSERejection.tokenTooLarge(bytes: 16 * 1024 + 1, limit: 16 * 1024)) { try UnverifiedJWT(compact: token) }
    }

    @Test("accepts a token exactly at a custom cap and refuses one byte more")
    func capIsInclusive() throws {
        let token = Fixture.token(header: Self.header)
        _ = try UnverifiedJWT(compact: token, maximumBytes: token.utf8.count)
        #expect(throws: JOSERejection.tokenTooLarge(bytes: token.utf8.count, limit: token.utf8.count - 1)) {
            try UnverifiedJWT(compact: token, maximumBytes: token.utf8.count - 1)
        }
    }

    @Test("refuses a JWE (five parts)")
    func refusesJWE() {
        #expect(throws: JOSERejection.encryptedToken) { try UnverifiedJWT(compact: "a.b.c.d.e") }
    }

    @Test("refuses anything but three parts", arguments: [("", 1), ("abc", 1), ("a.b", 2), ("a.b.c.d", 4), ("a.b.c.d.e.f", 6)])
    func refusesWrongPartCount(_ token: String, parts: Int) {
        #expect(throws: JOSERejection.malformedCompactSerialization(parts: parts)) { try UnverifiedJWT(compact: token) }
    }

    @Test("refuses bad base64url in each part")
    func refusesBadBase64() {
        let header = Fixture.encoded(Self.header)
        let claims = Fixture.encoded(Fixture.claims())
        #expect(throws: JOSERejection.invalidBase64URL(.header)) { try UnverifiedJWT(compact: header + "=." + claims + ".c2ln") }
        #expect(throws: JOSERejection.invalidBase64URL(.payload)) { try UnverifiedJWT(compact: header + "." + claims + "+." + "c2ln") }
        #expect(throws: JOSERejection.invalidBase64URL(.signature)) { try UnverifiedJWT(compact: header + "." + claims + ".c2ln=") }
        #expect(throws: JOSERejection.invalidBase64URL(.signature)) { try UnverifiedJWT(compact: header + "." + claims + ".c2 l") }
    }

    @Test("refuses a header that is not a JSON object", arguments: ["{\"alg\":", "[\"ES256\"]", "\"ES256\"", "not json"])
    func refusesBadHeaderJSON(_ text: String) {
        let token = Fixture.encoded(text: text) + "." + Fixture.encoded(Fixture.claims()) + ".c2ln"
        #expect(throws: JOSERejection.headerNotJSONObject) { try UnverifiedJWT(compact: token) }
    }

    @Test("refuses a missing or non-string alg, kid or typ")
    func refusesBadHeaderMembers() {
        #expect(throws: JOSERejection.invalidHeaderMember(name: "alg")) { try UnverifiedJWT(compact: Fixture.token(header: ["typ": .string("JWT")])) }
        #expect(throws: JOSERejection.invalidHeaderMember(name: "alg")) { try UnverifiedJWT(compact: Fixture.token(header: ["alg": .integer(1)])) }
        #expect(throws: JOSERejection.invalidHeaderMember(name: "kid")) {
            try UnverifiedJWT(compact: Fixture.token(header: ["alg": .string("ES256"), "kid": .integer(7)]))
        }
        #expect(throws: JOSERejection.invalidHeaderMember(name: "typ")) {
            try UnverifiedJWT(compact: Fixture.token(header: ["alg": .string("ES256"), "typ": .null]))
        }
    }

    @Test("refuses repeated member names in the header or the claims, however they are spelled")
    func refusesDuplicateMembers() {
        let claims = Fixture.encoded(Fixture.claims())
        for header in [#"{"alg":"none","alg":"ES256"}"#, #"{"alg":"ES256","typ":"JWT","\u0061lg":"none"}"#] {
            let token = Fixture.encoded(text: header) + "." + claims + ".c2ln"
            #expect(throws: JOSERejection.duplicateMemberName(.header)) { try UnverifiedJWT(compact: token) }
        }
        let payload = #"{"sub":"alice","nested":{"a":1,"a":[1,{"b":"}"}]},"s":"\",","sub":"mallory"}"#
        let token = Fixture.encoded(Self.header) + "." + Fixture.encoded(text: payload) + ".c2ln"
        #expect(throws: JOSERejection.duplicateMemberName(.payload)) { try UnverifiedJWT(compact: token) }
    }

    @Test("commas and braces inside strings are not members; a name repeated in a nested object is refused too")
    func countsTopLevelMembers() throws {
        let payload = #"{"a":"x,}{\"","b":[1,2,{"c":3,"e":4}],"d":{}}"#
        let token = Fixture.encoded(Self.header) + "." + Fixture.encoded(text: payload) + ".c2ln"
        #expect(try UnverifiedJWT(compact: token).unverifiedClaims.members.keys.sorted() == ["a", "b", "d"])
        let nested = Fixture.encoded(Self.header) + "." + Fixture.encoded(text: #"{"b":[{"c":3,"c":4}]}"#) + ".c2ln"
        #expect(throws: JOSERejection.duplicateMemberName(.payload)) { try UnverifiedJWT(compact: nested) }
        let empty = Fixture.encoded(Self.header) + "." + Fixture.encoded(text: " { } ") + ".c2ln"
        #expect(try UnverifiedJWT(compact: empty).unverifiedClaims.members.isEmpty)
    }

    @Test("refuses critical header extensions it does not understand")
    func refusesCrit() {
        let header: [String: JSONValue] = ["alg": .string("ES256"), "crit": .array([.string("exp")]), "exp": .integer(1)]
        #expect(throws: JOSERejection.unsupportedCriticalHeader(["exp"])) { try UnverifiedJWT(compact: Fixture.token(header: header)) }
    }

    @Test("refuses unsecured tokens whatever the case of none", arguments: ["none", "None", "NONE"])
    func refusesNone(_ alg: String) {
        #expect(throws: JOSERejection.unsecuredToken) { try UnverifiedJWT(compact: Fixture.token(header: ["alg": .string(alg)], signature: "")) }
        #expect(throws: JOSERejection.unsecuredToken) { try UnverifiedJWT(compact: Fixture.token(header: ["alg": .string(alg)])) }
    }

    @Test("refuses an empty signature")
    func refusesEmptySignature() {
        #expect(throws: JOSERejection.missingSignature) { try UnverifiedJWT(compact: Fixture.token(header: Self.header, signature: "")) }
    }

    @Test("refuses a payload that is not a JSON object", arguments: ["[1,2]", "42", "\"claims\"", "{\"iss\":"])
    func refusesBadPayload(_ text: String) {
        let token = Fixture.encoded(Self.header) + "." + Fixture.encoded(text: text) + ".c2ln"
        #expect(throws: JOSERejection.payloadNotJSONObject) { try UnverifiedJWT(compact: token) }
    }

    @Test("keeps other header members and tells a missing claim from a malformed one")
    func typedAccessors() throws {
        var header = Self.header
        header["x5t"] = .string("thumb")
        var claims = Fixture.claims()
        claims["aud"] = .array([.string("a"), .string("b")])
        claims["nbf"] = .string("yesterday")
        claims.removeValue(forKey: "sub")
        let parsed = try UnverifiedJWT(compact: Fixture.token(header: header, claims: claims))
        #expect(parsed.header.otherMembers == ["x5t": .string("thumb")])
        #expect(try parsed.unverifiedClaims.audience == ["a", "b"])
        #expect(try parsed.unverifiedClaims.subject == nil)
        #expect(throws: JOSERejection.invalidClaim(name: "nbf")) { try parsed.unverifiedClaims.notBefore }
        #expect(try parsed.unverifiedClaims.expiration == Fixture.now.addingTimeInterval(300))
    }
}

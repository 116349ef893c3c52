import Testing
import ZeroTouchCore

@Suite("Form bodies (application/x-www-form-urlencoded)")
struct URLEncodedFormTests {
    private func parse(_ body: String) throws(OAuthErrorResponse) -> URLEncodedForm {
        try URLEncodedForm(parsing: Array(body.utf8))
    }

    private func rejection(_ body: String) -> OAuthErrorResponse? {
        do {
            _ = try parse(body)
            return nil
        } catch {
            return error
        }
    }

    @Test("parses names and values with percent-escapes and plus as space")
    func parses() throws {
        let form = try parse("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&scope=a+b&empty=&flag")
        #expect(form["grant_type"] == GrantType.jwtBearer.rawValue)
        #expect(form["scope"] == "a b")
        #expect(form["empty"] == "")
        #expect(form.value("empty") == nil)
        #expect(form["flag"] == "")
    }

    @Test("decodes multi-byte UTF-8")
    func utf8() throws {
        #expect(try parse("name=%C3%A9t%C3%A9")["name"] == "été")
    }

    @Test("a repeated parameter is invalid_request (RFC 6749 §3.2)")
    func repeated() {
        let error = rejection("scope=a&scope=b")
        #expect(error?.code == .invalidRequest)
        #expect(error?.errorDescription == "parameter 'scope' is repeated")
    }

    @Test("a repeated parameter is detected after decoding")
    func repeatedAfterDecoding() {
        #expect(rejection("scope=a&sc%6Fpe=b")?.code == .invalidRequest)
    }

    @Test("malformed percent-escapes are rejected", arguments: ["a=%", "a=%4", "a=%zz", "%=1"])
    func malformedEscapes(body: String) {
        #expect(rejection(body)?.code == .invalidRequest)
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        #expect(rejection("a=%FF%FE")?.errorDescription == "form body is not valid UTF-8")
    }

    @Test("raw invalid UTF-8 without any escape is rejected too")
    func rawInvalidUTF8() throws {
        let error = #expect(throws: OAuthErrorResponse.self) { try URLEncodedForm(parsing: Array("a=".utf8) + [0xFF, 0xFE]) }
        #expect(error?.errorDescription == "form body is not valid UTF-8")
    }

    @Test("empty pairs are skipped and a value keeps every '=' after the first")
    func emptyPairsAndEquals() throws {
        let form = try parse("&a=1&&b=x=y&")
        #expect(form.parameters == ["a": "1", "b": "x=y"])
    }

    @Test("an empty parameter name is rejected")
    func emptyName() {
        #expect(rejection("=value")?.code == .invalidRequest)
    }

    @Test("bodies over the cap are rejected before parsing")
    func oversized() {
        let body = Array(repeating: UInt8(ascii: "a"), count: URLEncodedForm.defaultMaximumSize + 1)
        #expect(throws: OAuthErrorResponse.self) { try URLEncodedForm(parsing: body) }
        let exact = Array("a=".utf8) + Array(repeating: UInt8(ascii: "b"), count: URLEncodedForm.defaultMaximumSize - 2)
        #expect((try? URLEncodedForm(parsing: exact)) != nil)
    }

    @Test("require names the missing parameter")
    func requireNamesParameter() throws {
        let form = try parse("a=1")
        #expect(throws: OAuthErrorResponse.invalidRequest("missing required parameter 'assertion'")) { try form.require("assertion") }
        #expect(try form.require("a") == "1")
    }

    @Test("encoding round-trips through parsing")
    func roundTrip() throws {
        let form = URLEncodedForm(["resource": "https://mcp.example/mcp?x=1&y=2", "scope": "a b", "id": "é:+/"])
        #expect(try URLEncodedForm(parsing: Array(form.encoded.utf8)) == form)
    }

    @Test("a repeated name is echoed only as printable ASCII")
    func printableEcho() {
        let error = rejection("%0Aevil=1&%0Aevil=2")
        #expect(error?.errorDescription == "parameter 'evil' is repeated")
    }
}

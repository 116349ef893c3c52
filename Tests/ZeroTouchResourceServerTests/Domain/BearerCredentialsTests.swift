import Testing
import ZeroTouchResourceServer

@Suite("Reading the Authorization header (RFC 6750 §2.1, RFC 7235 §2.1)")
struct BearerCredentialsTests {
    @Test("a Bearer token is read whatever the case of the scheme", arguments: ["Bearer", "bearer", "BEARER", "bEaReR"])
    func schemeIsCaseInsensitive(scheme: String) throws {
        let credentials = try BearerCredentials(fieldValues: ["\(scheme) abc.DEF-_~+/=="])
        #expect(credentials == .bearer(BearerToken(b64token: "abc.DEF-_~+/==")!))
    }

    @Test("surrounding whitespace and several spaces after the scheme are tolerated")
    func whitespace() throws {
        #expect(try BearerCredentials(fieldValues: ["  Bearer    tok  "]) == .bearer(BearerToken(b64token: "tok")!))
    }

    @Test("no header means no credentials")
    func absent() throws {
        #expect(try BearerCredentials(fieldValues: []) == .absent)
    }

    @Test("another scheme is not a bearer token", arguments: ["Basic dXNlcjpwYXNz", "DPoP abc", "Negotiate"])
    func otherScheme(value: String) throws {
        guard case .otherScheme = try BearerCredentials(fieldValues: [value]) else {
            Issue.record("expected another scheme")
            return
        }
    }

    @Test("two Authorization fields are refused")
    func twoFields() {
        #expect(throws: BearerRequestRejection.multipleAuthorizationFields(count: 2)) {
            try BearerCredentials(fieldValues: ["Bearer a", "Bearer b"])
        }
    }

    @Test("Bearer without a token, or with a non-b64token, is malformed",
          arguments: ["Bearer", "Bearer ", "Bearer a b", "Bearer a,b", "Bearer =abc", "Bearer ab=c", "Bearer tök", "Bearer a, Bearer b"])
    func malformedBearer(value: String) {
        #expect(throws: BearerRequestRejection.malformedBearerCredentials) { try BearerCredentials(fieldValues: [value]) }
    }

    @Test("a scheme with characters outside token is malformed", arguments: ["Bea(rer abc", "", "   ", "\"Bearer\" abc"])
    func malformedScheme(value: String) {
        #expect(throws: BearerRequestRejection.malformedAuthorization) { try BearerCredentials(fieldValues: [value]) }
    }

    @Test("a token never shows in descriptions")
    func redacted() {
        let token = BearerToken(b64token: "secret-token")!
        #expect("\(token)" == "[bearer token]")
        #expect(String(reflecting: token) == "[bearer token]")
    }
}

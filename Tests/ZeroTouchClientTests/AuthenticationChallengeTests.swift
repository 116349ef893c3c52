import Testing
import ZeroTouchClient
import ZeroTouchCore

/// `WWW-Authenticate` parsing (RFC 9110 §11.6.1, RFC 6750 §3, RFC 9728 §5.1).
@Suite("WWW-Authenticate parsing")
struct AuthenticationChallengeTests {
    @Test("reads quoted strings with escapes and commas, and lower-cases parameter names")
    func quotedStrings() {
        let challenges = AuthenticationChallenge.parse(#"Bearer Resource_Metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp", error_description="say \"hi\", then go""#)
        #expect(challenges.count == 1)
        #expect(challenges[0].parameters["resource_metadata"] == "https://mcp.example/.well-known/oauth-protected-resource/mcp")
        #expect(challenges[0].parameters["error_description"] == #"say "hi", then go"#)
    }

    @Test("splits several challenges in one header and finds Bearer case-insensitively")
    func severalChallenges() throws {
        let header = #"Basic realm="x", DPoP algs="ES256", bEaReR error="insufficient_scope", scope="a b", resource_metadata="https://r/m""#
        let challenges = AuthenticationChallenge.parse(header)
        #expect(challenges.map(\.scheme) == ["Basic", "DPoP", "bEaReR"])
        let bearer = try #require(BearerChallenge(headers: [header]))
        #expect(bearer.error == .insufficientScope)
        #expect(bearer.scope == ["a", "b"])
        #expect(bearer.resourceMetadata == "https://r/m")
    }

    @Test("reads challenges spread over several headers, token68 and bare values")
    func token68AndBareValues() {
        let challenges = AuthenticationChallenge.parse(["Negotiate abc+/==", "Bearer realm=mcp, scope=read"])
        #expect(challenges.count == 2)
        #expect(challenges[0].token68 == "abc+/==")
        #expect(challenges[1].parameters == ["realm": "mcp", "scope": "read"])
    }

    @Test("keeps the first of repeated parameters and ignores an invalid scope")
    func repeatsAndInvalidScope() throws {
        let bearer = try #require(BearerChallenge(headers: [#"Bearer resource_metadata="https://a/m", resource_metadata="https://evil/m", scope="a  b""#]))
        #expect(bearer.resourceMetadata == "https://a/m")
        #expect(bearer.scope == nil)
    }

    @Test("returns no Bearer challenge when there is none, or the header is absurdly long")
    func noBearer() {
        #expect(BearerChallenge(headers: [#"Basic realm="x""#]) == nil)
        #expect(BearerChallenge(headers: []) == nil)
        #expect(BearerChallenge(headers: ["Bearer realm=\"" + String(repeating: "a", count: 9000) + "\""]) == nil)
    }

    @Test("a bare Bearer scheme is a challenge without parameters")
    func bareScheme() throws {
        let bearer = try #require(BearerChallenge(headers: ["Bearer"]))
        #expect(bearer.resourceMetadata == nil)
    }
}

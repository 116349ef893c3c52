import Foundation
import HTTPTypes
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchResourceServer

@Suite("Challenges: status and WWW-Authenticate (RFC 6750 §3, RFC 9728 §5.1)")
struct BearerChallengeTests {
    let parameters = BearerChallengeParameters(resourceMetadataURL: RSFixture.metadataURL, scope: ["files.read", "files.write"])

    @Test("a missing token gets 401 with resource_metadata and scope, and no error")
    func missingToken() {
        let challenge = BearerChallenge.missingToken(parameters)
        #expect(challenge.status == .unauthorized)
        #expect(challenge.errorCode == nil)
        #expect(challenge.headerValue == #"Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp", scope="files.read files.write""#)
    }

    @Test("a missing token without scopes omits scope")
    func missingTokenWithoutScope() {
        let challenge = BearerChallenge.missingToken(BearerChallengeParameters(resourceMetadataURL: "https://r.example/.well-known/oauth-protected-resource", scope: []))
        #expect(challenge.headerValue == #"Bearer resource_metadata="https://r.example/.well-known/oauth-protected-resource""#)
    }

    @Test("a bad token gets 401 invalid_token with its description")
    func invalidToken() {
        let challenge = BearerChallenge.rejected(.inactive, parameters)
        #expect(challenge.status == .unauthorized)
        #expect(challenge.headerValue == #"Bearer error="invalid_token", error_description="the token is not active", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp""#)
    }

    @Test("an expired token names both instants")
    func expired() {
        let rejection = AccessTokenRejection.jose(.expired(exp: RSFixture.now, now: RSFixture.now.addingTimeInterval(120)))
        let challenge = BearerChallenge.rejected(rejection, parameters)
        #expect(challenge.headerValue == #"Bearer error="invalid_token", error_description="token expired at 1900000000 (now 1900000120)", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp""#)
    }

    @Test("an insufficient scope gets 403 naming the needed scope")
    func insufficientScope() {
        let challenge = BearerChallenge.insufficientScope(required: ["files.write"], parameters)
        #expect(challenge.status == .forbidden)
        #expect(challenge.headerValue == #"Bearer error="insufficient_scope", error_description="this request needs scope 'files.write'", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp", scope="files.write""#)
    }

    @Test("a malformed request gets 400 invalid_request")
    func invalidRequest() {
        let challenge = BearerChallenge.invalidRequest(.tokenInQuery, parameters)
        #expect(challenge.status == .badRequest)
        #expect(challenge.headerValue == #"Bearer error="invalid_request", error_description="access tokens are accepted in the Authorization header only, never in the query string", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp""#)
    }

    @Test("an unreachable authorization server gets 503 without a challenge")
    func unavailable() {
        let challenge = BearerChallenge.rejected(.verificationUnavailable(reason: "down"), parameters)
        #expect(challenge.status == .serviceUnavailable)
        #expect(challenge.headerValue == nil)
        #expect(challenge.errorCode == .temporarilyUnavailable)
    }

    @Test("quotes and backslashes in a description cannot break the header")
    func escaping() {
        let challenge = BearerChallenge(.invalidToken, description: #"a "quoted" \ value"#, resourceMetadataURL: "https://r.example/x")
        #expect(challenge.headerValue == #"Bearer error="invalid_token", error_description="a  quoted    value", resource_metadata="https://r.example/x""#)
    }

    @Test("every token rejection is invalid_token except an unreachable server", arguments: [
        AccessTokenRejection.jose(.badSignature(keyID: nil)), .untrustedIssuer(expected: "https://as.example", actual: "x"),
        .audienceMismatch(expected: "https://r.example", actual: ["y"]), .missingClaim(name: "sub"), .invalidClaim(name: "scope"),
        .inactive, .tokenTooLarge(bytes: 2, limit: 1),
    ])
    func rejectionCodes(rejection: AccessTokenRejection) {
        #expect(rejection.errorCode == .invalidToken)
        #expect(!rejection.errorDescription.isEmpty)
        #expect(BearerChallenge.rejected(rejection, parameters).status == .unauthorized)
    }

    @Test("every request rejection is a 400", arguments: [
        BearerRequestRejection.multipleAuthorizationFields(count: 2), .malformedAuthorization, .malformedBearerCredentials,
        .tokenInQuery, .tokenInBody,
    ])
    func requestRejections(rejection: BearerRequestRejection) {
        let challenge = BearerChallenge.invalidRequest(rejection, parameters)
        #expect(challenge.status == .badRequest)
        #expect(challenge.headerValue?.hasPrefix(#"Bearer error="invalid_request""#) == true)
    }
}

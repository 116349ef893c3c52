import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Authorization requests (OpenID Connect Core §3.1.2)")
struct AuthorizationRequestTests {
    @Test("an unknown client or an unregistered redirect URI is never redirected to")
    func notRedirectable() async throws {
        let fixture = try await IdPFixture.make()
        #expect(throws: AuthorizationRequestRejection.unregisteredRedirectURI("cli")) {
            try fixture.authorizationRequest(redirectURI: "https://evil.example.com/callback")
        }
        #expect(throws: AuthorizationRequestRejection.unknownClient("nobody")) { try fixture.authorizationRequest(client: "nobody") }
        do {
            _ = try fixture.authorizationRequest(redirectURI: "https://cli.example.com/callback/../evil")
        } catch let error as AuthorizationRequestRejection {
            #expect(error.redirect == nil)
        }
    }

    @Test(
        "other errors go back to the registered redirect URI with state",
        arguments: [
            (["code_challenge": ""], "invalid_request"), (["code_challenge_method": "plain"], "invalid_request"),
            (["response_type": "token"], "unsupported_response_type"), (["scope": "profile"], "invalid_scope"),
            (["code_challenge": "short"], "invalid_request"), (["request": "eyJ"], "request_not_supported"),
        ])
    func redirectable(changes: [String: String], code: String) async throws {
        let fixture = try await IdPFixture.make()
        do {
            _ = try fixture.authorizationRequest(extra: changes)
            Issue.record("accepted")
        } catch let error as AuthorizationRequestRejection {
            let redirect = try #require(error.redirect)
            #expect(error.errorCode.rawValue == code)
            let location = redirect.errorLocation(error.errorCode, description: error.errorDescription, issuer: IdPFixture.issuer)
            #expect(location.hasPrefix(IdPFixture.cliRedirect + "?error=\(code)"))
            #expect(IdPFixture.parameter("state", in: location) == "st-1")
        }
    }

    @Test("a native client's loopback redirect matches on any port (RFC 8252 §7.3)")
    func loopback() async throws {
        let fixture = try await IdPFixture.make()
        let request = try fixture.authorizationRequest(client: "native", redirectURI: "http://127.0.0.1:53123/callback")
        #expect(request.redirect.redirectURI == "http://127.0.0.1:53123/callback")
        #expect(throws: AuthorizationRequestRejection.self) {
            try fixture.authorizationRequest(client: "native", redirectURI: "http://127.0.0.1:53123/other")
        }
    }
}

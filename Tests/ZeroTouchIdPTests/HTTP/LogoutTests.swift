import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
@testable import ZeroTouchIdP

/// `GET`/`POST /logout` over loopback HTTP (OpenID Connect RP-Initiated Logout 1.0 §2-3).
@Suite("Logout over loopback HTTP")
struct LogoutTests {
    /// Signs alice in through the form and returns the session cookie value.
    private static func signIn(_ client: LiveIdP.Client) async throws -> String {
        let query = URLEncodedForm([
            "response_type": "code", "client_id": "cli", "redirect_uri": IdPFixture.cliRedirect, "scope": "openid",
            "state": "s", "code_challenge": PKCE.challenge(for: IdPFixture.verifier), "code_challenge_method": "S256",
        ]).encoded
        let page = try await client.send(.GET, "/authorize?\(query)")
        let binding = try #require(page.cookie("zt_signin"))
        let requestID = try #require(HTTPTest.hiddenField("request_id", in: page.body))
        let csrf = try #require(HTTPTest.hiddenField("csrf_token", in: page.body))
        let login = try await client.send(
            .POST, "/login", headers: [("Cookie", "zt_signin=\(binding)")],
            form: ["request_id": requestID, "csrf_token": csrf, "username": "alice", "password": IdPFixture.password])
        return try #require(login.cookie("zt_session"))
    }

    /// The logout form's CSRF token for `session`.
    private static func logoutToken(_ client: LiveIdP.Client, session: String) async throws -> String {
        let confirm = try await client.send(.GET, "/logout", headers: [("Cookie", "zt_session=\(session)")])
        return try #require(HTTPTest.hiddenField("csrf_token", in: confirm.body))
    }

    @Test("a registered post_logout_redirect_uri gets the client's short state back")
    func redirectsWithState() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await LiveIdP.run(fixture) { client in
            let session = try await Self.signIn(client)
            let csrf = try await Self.logoutToken(client, session: session)
            let reply = try await client.send(
                .POST, "/logout", headers: [("Cookie", "zt_session=\(session)")],
                form: ["csrf_token": csrf, "client_id": "cli", "post_logout_redirect_uri": IdPFixture.cliRedirect, "state": "bye"])
            #expect(reply.status == .seeOther)
            let location = try #require(reply.headers["Location"].first)
            #expect(location.hasPrefix(IdPFixture.cliRedirect) && IdPFixture.parameter("state", in: location) == "bye")
        }
    }

    @Test("an oversized state is never echoed: no redirect, the session still ends")
    func oversizedStateIsNotEchoed() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await LiveIdP.run(fixture) { client in
            let session = try await Self.signIn(client)
            let huge = String(repeating: "A", count: AuthorizationRequest.maximumStateLength + 1)
            let confirm = try await client.send(.GET, "/logout?state=\(huge)", headers: [("Cookie", "zt_session=\(session)")])
            #expect(!confirm.body.contains(huge))
            let csrf = try #require(HTTPTest.hiddenField("csrf_token", in: confirm.body))
            let reply = try await client.send(
                .POST, "/logout", headers: [("Cookie", "zt_session=\(session)")],
                form: ["csrf_token": csrf, "client_id": "cli", "post_logout_redirect_uri": IdPFixture.cliRedirect, "state": huge])
            #expect(reply.status == .ok)
            #expect(reply.headers["Location"].isEmpty)
            #expect(!reply.body.contains(huge))
            #expect(try await fixture.provider.signIn.session(for: session, now: fixture.provider.clock.now) == nil)
        }
    }
}

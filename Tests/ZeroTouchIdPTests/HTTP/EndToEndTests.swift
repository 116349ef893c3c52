import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("End to end over loopback HTTP")
struct EndToEndTests {
    @Test("sign in through the form, redeem the code with PKCE, exchange the ID token for an ID-JAG that verifies against the published JWKS")
    func loginAndExchange() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await LiveIdP.run(fixture) { client in
            let metadata = try #require(try await client.send(.GET, "/.well-known/oauth-authorization-server").json)
            let issuer = try #require(metadata["issuer"]?.stringValue)
            #expect(issuer == client.baseURL)
            let tokenEndpoint = try #require(metadata["token_endpoint"]?.stringValue)

            // 1. GET /authorize → the login page and its binding cookie.
            let query = URLEncodedForm([
                "response_type": "code", "client_id": "cli", "redirect_uri": IdPFixture.cliRedirect, "scope": "openid profile",
                "state": "xyz", "nonce": "n-42", "code_challenge": PKCE.challenge(for: IdPFixture.verifier), "code_challenge_method": "S256",
            ]).encoded
            let page = try await client.send(.GET, "/authorize?\(query)")
            #expect(page.status == .ok)
            let binding = try #require(page.cookie("zt_signin"))
            let requestID = try #require(HTTPTest.hiddenField("request_id", in: page.body))
            let csrf = try #require(HTTPTest.hiddenField("csrf_token", in: page.body))

            // 2. POST the credentials with the CSRF token and the cookie → redirect with the code.
            let login = try await client.send(
                .POST, "/login", headers: [("Cookie", "zt_signin=\(binding)")],
                form: ["request_id": requestID, "csrf_token": csrf, "username": "alice", "password": IdPFixture.password])
            #expect(login.status == .seeOther)
            let location = try #require(login.headers["Location"].first)
            #expect(location.hasPrefix(IdPFixture.cliRedirect))
            #expect(IdPFixture.parameter("state", in: location) == "xyz" && IdPFixture.parameter("iss", in: location) == issuer)
            let session = try #require(login.cookie("zt_session"))
            #expect(login.headers["Set-Cookie"].contains { $0.contains("HttpOnly") && $0.contains("SameSite=Lax") && !$0.contains("Secure") })
            let code = try #require(IdPFixture.parameter("code", in: location))

            // 3. Redeem the code with PKCE.
            let basic = ("Authorization", HTTPTest.basic("cli", fixture.cliSecret))
            let tokens = try await client.send(
                .POST, tokenEndpoint, headers: [basic],
                form: ["grant_type": "authorization_code", "code": code, "redirect_uri": IdPFixture.cliRedirect, "code_verifier": IdPFixture.verifier])
            #expect(tokens.status == .ok)
            #expect(tokens.headers["Cache-Control"].first == "no-store")
            let idToken = try #require(tokens.json?["id_token"]?.stringValue)
            let accessToken = try #require(tokens.json?["access_token"]?.stringValue)
            #expect(try UnverifiedJWT(compact: idToken).unverifiedClaims.string("nonce") == "n-42")

            // 4. Exchange the ID token for an ID-JAG.
            let exchange = try await client.send(.POST, tokenEndpoint, headers: [basic], form: fixture.exchangeForm(subjectToken: idToken, scope: "read write").parameters)
            #expect(exchange.status == .ok)
            let body = try #require(exchange.json)
            #expect(body["issued_token_type"] == .string(TokenType.idJAG.rawValue) && body["token_type"] == .string("N_A"))
            let idJAG = try #require(body["access_token"]?.stringValue)

            // 5. Verify the ID-JAG against the JWKS the metadata points to, with ZeroTouchJOSE.
            let jwks = try await client.send(.GET, try #require(metadata["jwks_uri"]?.stringValue))
            let keys = try #require(ParsedJWKS(json: Data(jwks.body.utf8)))
            let verified = try await JWTVerifier(expectedType: .idJAG, allowedAlgorithms: [.es256], keys: VerificationKeySet(keys.keys)).verify(idJAG)
            try JWTTimeRules(now: fixture.clock.now, maximumLifetime: 600).check(verified.claims)
            #expect(try verified.claims.issuer?.rawValue == issuer)
            #expect(try verified.claims.audience == [fixture.files.authorizationServer.rawValue])
            #expect(try verified.claims.subject?.rawValue == fixture.alice.id.rawValue)
            #expect(try verified.claims.string("client_id") == "cli-at-files")
            #expect(try verified.claims.string("resource") == fixture.files.resource.rawValue)
            #expect(try verified.claims.string("scope") == "read write")

            // 6. The catalog for this user and client.
            let servers = try await client.send(.GET, "/mcp/servers", headers: [("Authorization", "Bearer \(accessToken)")])
            #expect(servers.status == .ok)
            let listed = try JSONDecoder().decode(MCPServerListResponse.self, from: Data(servers.body.utf8))
            #expect(listed.servers.map(\.resource) == [fixture.calendar.resource, fixture.files.resource])
            #expect(listed.servers.first { $0.id == fixture.files.id }?.scopes == ["read", "write"])

            // 7. Single sign-on: the session cookie gets a code without the form.
            let again = try await client.send(.GET, "/authorize?\(query)", headers: [("Cookie", "zt_session=\(session)")])
            #expect(again.status == .found)
            #expect(again.headers["Location"].first.flatMap { IdPFixture.parameter("code", in: $0) } != nil)

            let userInfo = try await client.send(.GET, "/userinfo", headers: [("Authorization", "Bearer \(accessToken)")])
            #expect(userInfo.json?["preferred_username"] == .string("alice"))
        }
        let events = fixture.auditLog.all.map(\.event).filter { !$0.hasPrefix("admin.") }
        #expect(events == ["login", "token.authorization_code", "token_exchange"])
    }

    @Test("/mcp/servers lists only what policy allows: carol is denied files, bob lacks the calendar rule")
    func catalogFollowsPolicy() async throws {
        let fixture = try await IdPFixture.make(issuer: nil)
        try await LiveIdP.run(fixture) { client in
            for (username, expected) in [("carol", [String]()), ("dave", ["Files"])] {
                let location = try await fixture.signIn(username).location
                let code = try IdPFixture.require(IdPFixture.parameter("code", in: location))
                let tokens = try await client.send(
                    .POST, "/token", headers: [("Authorization", HTTPTest.basic("cli", fixture.cliSecret))],
                    form: fixture.codeForm(code).parameters)
                let accessToken = try #require(tokens.json?["access_token"]?.stringValue)
                let servers = try await client.send(.GET, "/mcp/servers", headers: [("Authorization", "Bearer \(accessToken)")])
                let listed = try JSONDecoder().decode(MCPServerListResponse.self, from: Data(servers.body.utf8))
                #expect(listed.servers.map(\.name) == expected, "\(username)")
            }
        }
    }
}

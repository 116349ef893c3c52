import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("IdP HTTP routes")
struct IdPRouterTests {
    @Test("both metadata documents advertise the code flow, S256, the token exchange and ID-JAG identity chaining")
    func metadata() async throws {
        let fixture = try await IdPFixture.make()
        try await fixture.application().test(.router) { client in
            for path in ["/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"] {
                let response = try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
                #expect(response.status == .ok)
                let metadata = try JSONDecoder().decode(AuthorizationServerMetadata.self, from: Data(response.body.readableBytesView))
                #expect(metadata.issuer == IdPFixture.issuer)
                #expect(metadata.tokenEndpoint == "https://idp.example.com/token" && metadata.jwksURI == "https://idp.example.com/jwks")
                #expect(metadata.identityChainingRequestedTokenTypesSupported == [TokenType.idJAG.rawValue])
                #expect(metadata.grantTypesSupported?.contains(GrantType.tokenExchange.rawValue) == true)
                #expect(metadata.codeChallengeMethodsSupported == ["S256"])
                #expect(metadata.tokenEndpointAuthMethodsSupported?.contains("client_secret_basic") == true)
                #expect(metadata.idTokenSigningAlgValuesSupported == ["ES256"])
            }
            let jwks = try await client.executeRequest(uri: "/jwks", method: .get, headers: [:], body: nil)
            #expect(try HTTPTest.json(jwks.body)["keys"]?.arrayValue?.count == 1)
        }
    }

    @Test("/authorize shows a CSRF-protected form and sets an HttpOnly, SameSite=Lax, Secure binding cookie")
    func loginPage() async throws {
        let fixture = try await IdPFixture.make()
        try await fixture.application().test(.router) { client in
            let query = URLEncodedForm([
                "response_type": "code", "client_id": "cli", "redirect_uri": IdPFixture.cliRedirect, "scope": "openid",
                "code_challenge": PKCE.challenge(for: IdPFixture.verifier), "code_challenge_method": "S256", "state": "<script>",
            ]).encoded
            let response = try await client.executeRequest(uri: "/authorize?\(query)", method: .get, headers: [:], body: nil)
            #expect(response.status == .ok)
            let html = HTTPTest.text(response.body)
            #expect(html.contains("action=\"/login\"") && html.contains("ZeroTouch CLI") && !html.contains("<script"))
            #expect(HTTPTest.hiddenField("csrf_token", in: html)?.count == 43)
            let setCookie = try #require(response.headers[values: .setCookie].first)
            #expect(setCookie.hasPrefix("__Host-zt_signin="))
            for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] { #expect(setCookie.contains(attribute)) }
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            // A form posted without the browser's cookie is refused.
            let body = HTTPTest.form([
                "request_id": HTTPTest.hiddenField("request_id", in: html) ?? "", "csrf_token": HTTPTest.hiddenField("csrf_token", in: html) ?? "",
                "username": "alice", "password": IdPFixture.password,
            ])
            let forged = try await client.executeRequest(uri: "/login", method: .post, headers: HTTPTest.formHeaders(), body: body)
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.location] == nil)
        }
    }

    @Test("an unregistered redirect_uri gets an error page, never a redirect")
    func noOpenRedirect() async throws {
        let fixture = try await IdPFixture.make()
        try await fixture.application().test(.router) { client in
            let query = URLEncodedForm([
                "response_type": "code", "client_id": "cli", "redirect_uri": "https://evil.example.com/cb", "scope": "openid",
                "code_challenge": PKCE.challenge(for: IdPFixture.verifier), "code_challenge_method": "S256",
            ]).encoded
            let response = try await client.executeRequest(uri: "/authorize?\(query)", method: .get, headers: [:], body: nil)
            #expect(response.status == .badRequest)
            #expect(response.headers[.location] == nil)
            #expect(HTTPTest.text(response.body).contains("not registered"))
            let missingPKCE = try await client.executeRequest(
                uri: "/authorize?response_type=code&client_id=cli&scope=openid&redirect_uri=\(URLEncodedForm.encode(IdPFixture.cliRedirect))",
                method: .get, headers: [:], body: nil)
            #expect(missingPKCE.status == .found)
            #expect(missingPKCE.headers[.location]?.hasPrefix(IdPFixture.cliRedirect + "?error=invalid_request") == true)
        }
    }

    @Test("/token answers RFC 6749 §5.2 JSON: unsupported grants, missing client authentication, policy denial with audit reference")
    func tokenErrors() async throws {
        let fixture = try await IdPFixture.make()
        let carolToken = try await fixture.idToken(for: fixture.carol)
        try await fixture.application().test(.router) { client in
            let unsupported = try await client.executeRequest(
                uri: "/token", method: .post, headers: HTTPTest.formHeaders(), body: HTTPTest.form(["grant_type": "password"]))
            #expect(unsupported.status == .badRequest)
            #expect(try HTTPTest.json(unsupported.body)["error"] == .string("unsupported_grant_type"))
            #expect(unsupported.headers[.cacheControl] == "no-store")

            let exchange = fixture.exchangeForm(subjectToken: carolToken).parameters
            let anonymous = try await client.executeRequest(uri: "/token", method: .post, headers: HTTPTest.formHeaders(), body: HTTPTest.form(exchange))
            #expect(anonymous.status == .unauthorized)
            #expect(try HTTPTest.json(anonymous.body)["error"] == .string("invalid_client"))

            let wrongSecret = try await client.executeRequest(
                uri: "/token", method: .post, headers: HTTPTest.formHeaders([.authorization: HTTPTest.basic("cli", "nope")]), body: HTTPTest.form(exchange))
            #expect(wrongSecret.status == .unauthorized)
            #expect(wrongSecret.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)

            let denied = try await client.executeRequest(
                uri: "/token", method: .post, headers: HTTPTest.formHeaders([.authorization: HTTPTest.basic("cli", fixture.cliSecret)]),
                body: HTTPTest.form(exchange))
            #expect(denied.status == .badRequest)
            let body = try HTTPTest.json(denied.body)
            #expect(body["error"] == .string("access_denied"))
            #expect(body["error_description"] == .string("blocked by your organization's policy"))
            #expect(body["audit_reference"] == .string(fixture.auditLog.all.last?.id ?? "-"))
        }
    }

    @Test("/userinfo and /mcp/servers need a bearer token: 401 with a Bearer challenge")
    func bearer() async throws {
        let fixture = try await IdPFixture.make()
        try await fixture.application().test(.router) { client in
            let missing = try await client.executeRequest(uri: "/userinfo", method: .get, headers: [:], body: nil)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate] == "Bearer realm=\"zerotouch-idp\"")
            var headers = HTTPFields()
            headers[.authorization] = "Bearer unknown-token"
            let invalid = try await client.executeRequest(uri: "/mcp/servers", method: .get, headers: headers, body: nil)
            #expect(invalid.status == .unauthorized)
            #expect(invalid.headers[.wwwAuthenticate]?.contains("error=\"invalid_token\"") == true)
        }
    }
}

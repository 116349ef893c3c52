import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchTesting

@Suite("Token endpoint over the production build function")
struct TokenEndpointTests {
    @Test("a valid ID-JAG yields a bearer token with no-store and no refresh token")
    func happyPath() async throws {
        let fixture = try await ASHTTPFixture.make()
        let assertion = try fixture.base.assertion()
        try await fixture.withRouter { client in
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: formBody(tokenForm(assertion: assertion))) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentType] == "application/json")
                let body = try jsonObject(response.body)
                #expect(body["token_type"] == .string("Bearer"))
                #expect(body["expires_in"] == .integer(300))
                #expect(body["scope"] == .string("files:read"))
                #expect(body["resource"] == .string(ASTestFixture.resource.rawValue))
                #expect(body["access_token"]?.stringValue?.isEmpty == false)
                #expect(body["refresh_token"] == nil)
            }
        }
    }

    @Test("client_secret_basic authenticates a client registered for it")
    func basicAuthentication() async throws {
        let fixture = try await ASHTTPFixture.make()
        try await fixture.base.registry.putClient(
            RegisteredClient(
                credentials: .init(clientID: ASTestFixture.clientID, method: .clientSecretBasic, secretHash: ZeroTouchOAuthSecret.hash(ASTestFixture.secret)),
                allowedResources: [ASTestFixture.resource]),
            actor: "test")
        try await fixture.server.registry.reload()
        let form = ["grant_type": GrantType.jwtBearer.rawValue, "assertion": try fixture.base.assertion()]
        let authorization = basicAuthorization(ASTestFixture.clientID.rawValue, ASTestFixture.secret)
        try await fixture.withRouter { client in
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(authorization: authorization), body: formBody(form)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("wrong or missing client credentials are invalid_client (401); Basic gets WWW-Authenticate")
    func invalidClient() async throws {
        let fixture = try await ASHTTPFixture.make()
        let assertion = try fixture.base.assertion()
        try await fixture.withRouter { client in
            var form = tokenForm(assertion: assertion)
            form["client_secret"] = "presented-secret-0xC0FFEE"
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: formBody(form)) { response in
                #expect(response.status == .unauthorized)
                let body = try jsonObject(response.body)
                #expect(body["error"] == .string("invalid_client"))
            }
            let basic = basicAuthorization("nobody", "nothing")
            let bare = ["grant_type": GrantType.jwtBearer.rawValue, "assertion": assertion]
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(authorization: basic), body: formBody(bare)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            }
        }
        let failures = fixture.base.store.auditRecords.filter { $0.reason == "client_authentication" }
        #expect(failures.count == 2)
        #expect(failures.allSatisfy { $0.event == "jwt_bearer" && $0.outcome == .failure && !String(describing: $0).contains("0xC0FFEE") })
    }

    @Test("other grant types are unsupported_grant_type", arguments: ["authorization_code", "client_credentials", GrantType.tokenExchange.rawValue])
    func unsupportedGrant(_ grantType: String) async throws {
        let fixture = try await ASHTTPFixture.make()
        try await fixture.withRouter { client in
            let form = tokenForm(assertion: "x", extra: ["grant_type": grantType])
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: formBody(form)) { response in
                #expect(response.status == .badRequest)
                let body = try jsonObject(response.body)
                #expect(body["error"] == .string("unsupported_grant_type"))
            }
        }
    }

    @Test("a missing or repeated assertion is invalid_request")
    func invalidRequest() async throws {
        let fixture = try await ASHTTPFixture.make()
        try await fixture.withRouter { client in
            var form = tokenForm(assertion: "")
            form["assertion"] = nil
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: formBody(form)) { response in
                let body = try jsonObject(response.body)
                #expect(body["error"] == .string("invalid_request"))
            }
            let repeated = ByteBuffer(string: URLEncodedForm(tokenForm(assertion: "a")).encoded + "&assertion=b")
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: repeated) { response in
                #expect(response.status == .badRequest)
                let body = try jsonObject(response.body)
                #expect(body["error"] == .string("invalid_request"))
            }
        }
    }

    @Test("rejections carry their code and a description, never the assertion", arguments: [
        ("replay", "invalid_grant"), ("resource", "invalid_target"), ("scope", "invalid_scope"), ("garbage", "invalid_grant"),
    ])
    func rejections(_ kind: String, _ code: String) async throws {
        let fixture = try await ASHTTPFixture.make()
        var claims = fixture.base.validClaims()
        if kind == "resource" { claims["resource"] = .string("https://untrusted-mcp.example/mcp") }
        if kind == "scope" { claims["scope"] = .string("urn:unregistered") }
        let assertion = kind == "garbage" ? "garbage" : try fixture.base.assertion(claims)
        try await fixture.withRouter { client in
            if kind == "replay" {
                try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: formBody(tokenForm(assertion: assertion)))
            }
            try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: formBody(tokenForm(assertion: assertion))) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.cacheControl] == "no-store")
                let body = try jsonObject(response.body)
                #expect(body["error"] == .string(code))
                let description = try #require(body["error_description"]?.stringValue)
                #expect(!description.isEmpty && !description.contains(assertion))
                if kind == "replay" { #expect(description.contains("replayed")) }
            }
        }
    }
}

import ZeroTouchOAuth
/// `ClientSecret` under a name that does not collide with test helpers.
typealias ZeroTouchOAuthSecret = ClientSecret

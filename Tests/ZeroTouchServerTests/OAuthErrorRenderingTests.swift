import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroTouchCore
import ZeroTouchServer

/// A rejection enum as roles write them: converted to the wire error through `OAuthErrorConvertible`.
private enum SampleRejection: OAuthErrorConvertible {
    case expired

    var oauthError: OAuthErrorResponse { OAuthErrorResponse(.invalidGrant, description: "the assertion has expired") }
    var description: String { "expired: exp passed" }
}

private struct TokenBody: Encodable, Sendable {
    let accessToken: String
    enum CodingKeys: String, CodingKey { case accessToken = "access_token" }
}

@Suite("OAuth error and success responses (RFC 6749 §5.1, §5.2)")
struct OAuthErrorRenderingTests {
    private func app() throws -> Application<RouterResponder<BasicRequestContext>> {
        try TestApplication.make { router in
            router.post("/invalid-request") { _, _ -> Response in
                throw OAuthErrorResponse.invalidRequest("missing required parameter 'grant_type'")
            }
            router.post("/basic") { _, _ -> Response in
                throw OAuthErrorResponse(.invalidClient, description: "client authentication failed", challengeScheme: "Basic")
            }
            router.post("/no-scheme") { _, _ -> Response in
                throw OAuthErrorResponse(.invalidClient, description: "client authentication failed")
            }
            router.post("/denied") { _, _ -> Response in
                throw OAuthErrorResponse(
                    .accessDenied, description: "blocked by your organization's policy",
                    additionalFields: ["audit_reference": "A-1", "error": "ignored"]
                )
            }
            router.post("/rejection") { _, _ -> Response in throw SampleRejection.expired }
            router.post("/token") { request, context -> Response in
                try OAuthJSONResponse(TokenBody(accessToken: "at")).response(from: request, context: context)
            }
        }.0
    }

    @Test("invalid_request is a 400 with error, error_description and no-store headers")
    func invalidRequest() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/invalid-request", method: .post)
            #expect(response.status == .badRequest)
            #expect(response.jsonObject == ["error": "invalid_request", "error_description": "missing required parameter 'grant_type'"])
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[HTTPField.Name("Pragma")!] == "no-cache")
            #expect(response.headers[.wwwAuthenticate] == nil)
        }
    }

    @Test("invalid_client after Basic authentication is a 401 with a Basic challenge")
    func invalidClientWithBasic() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/basic", method: .post)
            #expect(response.status == .unauthorized)
            #expect(response.jsonObject["error"] == "invalid_client")
            #expect(response.headers[.wwwAuthenticate] == "Basic realm=\"zerotouch\", error=\"invalid_client\"")
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test("invalid_client without an Authorization scheme carries no challenge")
    func invalidClientWithoutScheme() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/no-scheme", method: .post)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == nil)
        }
    }

    @Test("additional fields join the body but cannot replace error")
    func additionalFields() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/denied", method: .post)
            #expect(response.status == .badRequest)
            #expect(
                response.jsonObject == [
                    "error": "access_denied", "error_description": "blocked by your organization's policy", "audit_reference": "A-1",
                ]
            )
        }
    }

    @Test("a typed rejection renders through OAuthErrorConvertible")
    func rejection() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/rejection", method: .post)
            #expect(response.status == .badRequest)
            #expect(response.jsonObject == ["error": "invalid_grant", "error_description": "the assertion has expired"])
        }
    }

    @Test("a successful OAuth JSON response is not cacheable")
    func successResponse() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/token", method: .post)
            #expect(response.status == .ok)
            #expect(response.text == #"{"access_token":"at"}"#)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[HTTPField.Name("Pragma")!] == "no-cache")
        }
    }

    @Test("the Hummingbird status follows the Core status")
    func statusMapping() {
        let error = OAuthErrorResponse(.temporarilyUnavailable)
        let status: HTTPResponse.Status = error.status
        #expect(status == .serviceUnavailable)
        #expect(error.statusCode == 503)
        #expect(OAuthErrorResponse(.invalidClient).status == 401)
    }

    @Test("characters RFC 6749 §5.2 forbids in error_description are replaced")
    func descriptionCharacters() async throws {
        let app = try TestApplication.make { router in
            router.post("/quote") { _, _ -> Response in throw OAuthErrorResponse.invalidRequest("bad \"value\" \\ é") }
        }.0
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/quote", method: .post)
            #expect(response.jsonObject["error_description"] == "bad  value" + String(repeating: " ", count: 5))
        }
    }
}

import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer

@Suite("The bearer middleware on protected routes (RFC 6750, MCP authorization)")
struct BearerMiddlewareTests {
    let fixture: RSFixture
    static let missingChallenge = #"Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp", scope="files.read files.write""#

    init() throws { fixture = try RSFixture() }

    @Test("a valid token reaches the handler with the verified identity")
    func valid() async throws {
        let token = try fixture.token(scope: "files.read")
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files", method: .get, headers: .bearer(token)) { response in
                #expect(response.status == .ok)
                #expect(response.text == "alice via client-1 scope=files.read")
            }
        }
    }

    @Test("no token: 401 with resource_metadata and scope, nothing runs")
    func missing() async throws {
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == Self.missingChallenge)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.text.isEmpty)
            }
        }
    }

    @Test("another scheme is answered like a missing token", arguments: ["Basic YWxpY2U6cGFzcw==", "DPoP abc"])
    func otherScheme(value: String) async throws {
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files", method: .get, headers: [.authorization: value]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == Self.missingChallenge)
            }
        }
    }

    @Test("the scheme is case-insensitive")
    func lowercaseScheme() async throws {
        let token = try fixture.token()
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files", method: .get, headers: [.authorization: "bearer \(token)"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("an expired token: 401 invalid_token")
    func expired() async throws {
        let token = try fixture.token(lifetime: 60)
        fixture.clock.advance(by: 600)
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files", method: .get, headers: .bearer(token)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer error="invalid_token", error_description="token expired at 1900000060 (now 1900000600)", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp""#)
                #expect(response.jsonObject["error"] == "invalid_token")
            }
        }
    }

    @Test("a token for another audience: 401 invalid_token")
    func wrongAudience() async throws {
        let token = try fixture.token { $0["aud"] = .string("https://other.example/mcp") }
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files", method: .get, headers: .bearer(token)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix(#"Bearer error="invalid_token", error_description="the token's audience must be exactly this resource"#) == true)
            }
        }
    }

    @Test("an ID-JAG presented as an access token: 401 invalid_token")
    func idJAG() async throws {
        let token = try fixture.token(type: "oauth-id-jag+jwt")
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files", method: .get, headers: .bearer(token)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.jsonObject["error_description"] == "token typ must be 'at+jwt', not 'oauth-id-jag+jwt'")
            }
        }
    }

    @Test("a token in the query string: 400 invalid_request, even with a valid header")
    func queryToken() async throws {
        let token = try fixture.token()
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files?access_token=\(token)", method: .get, headers: .bearer(token)) { response in
                #expect(response.status == .badRequest)
                #expect(response.jsonObject["error"] == "invalid_request")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix(#"Bearer error="invalid_request""#) == true)
            }
        }
    }

    @Test("a token in a form body: 400 invalid_request")
    func bodyToken() async throws {
        let token = try fixture.token(scope: "files.write")
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(
                uri: "/files/write", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "a=1&access_token=\(token)")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.jsonObject["error_description"] == "access tokens are accepted in the Authorization header only, never in the request body")
            }
        }
    }

    @Test("malformed or repeated Authorization headers: 400 invalid_request")
    func malformed() async throws {
        let twice = HTTPFields([HTTPField(name: .authorization, value: "Bearer a"), HTTPField(name: .authorization, value: "Bearer b")])
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            for headers in [twice, [.authorization: "Bearer"], [.authorization: "Bearer a b"], [.authorization: "Bearer tok\"en"]] {
                try await client.execute(uri: "/files", method: .get, headers: headers) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.jsonObject["error"] == "invalid_request")
                }
            }
        }
    }

    @Test("a valid token without the route's scope: 403 insufficient_scope naming it")
    func insufficientScope() async throws {
        let token = try fixture.token(scope: "files.read")
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files/write", method: .post, headers: .bearer(token)) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer error="insufficient_scope", error_description="this request needs scope 'files.write'", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp", scope="files.write""#)
            }
        }
    }

    @Test("the route's scope lets the request through")
    func sufficientScope() async throws {
        let token = try fixture.token(scope: "files.read files.write")
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: "/files/write", method: .post, headers: .bearer(token)) { response in
                #expect(response.status == .ok)
                #expect(response.text == "written by alice")
            }
        }
    }

    @Test("the protected resource metadata is served at the path-inserted and root URLs", arguments: [
        "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource",
    ])
    func metadata(path: String) async throws {
        try await RSTestApplication.make(verifier: fixture.verifier).test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.text == #"{"authorization_servers":["https://as.example"],"bearer_methods_supported":["header"],"resource":"https://mcp.example/mcp","resource_name":"Test","scopes_supported":["files.read","files.write"]}"#)
            }
        }
    }

    @Test("a group demanding an identity without the middleware fails closed with 401")
    func failClosedWithoutMiddleware() async throws {
        let router = Router(context: ResourceRequestContext.self)
        router.group("open").group(context: AuthenticatedRequestContext<ResourceRequestContext>.self).get { _, _ in "ran" }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/open", method: .get, headers: .bearer(try fixture.token())) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(response.text != "ran")
            }
        }
    }
}

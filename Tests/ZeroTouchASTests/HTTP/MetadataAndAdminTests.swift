import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ZeroTouchAS
import ZeroTouchCore

@Suite("Metadata, JWKS, introspection, revocation and the admin API")
struct MetadataAndAdminTests {
    @Test("metadata is served at the path-inserted and path-appended URLs with every field (decisions X-12)")
    func metadataBothURLs() async throws {
        let fixture = try await ASHTTPFixture.make(issuer: "https://as.example/tenant-a")
        try await fixture.withRouter { client in
            for path in ["/.well-known/oauth-authorization-server/tenant-a", "/tenant-a/.well-known/oauth-authorization-server"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try jsonObject(response.body)
                    #expect(body["issuer"] == .string("https://as.example/tenant-a"))
                    #expect(body["token_endpoint"] == .string("https://as.example/tenant-a/token"))
                    #expect(body["jwks_uri"] == .string("https://as.example/tenant-a/jwks"))
                    #expect(body["introspection_endpoint"] == .string("https://as.example/tenant-a/introspect"))
                    #expect(body["revocation_endpoint"] == .string("https://as.example/tenant-a/revoke"))
                    #expect(body["authorization_endpoint"] == .string("https://as.example/tenant-a/authorize"))
                    #expect(body["grant_types_supported"]?.stringOrStringArray == [GrantType.jwtBearer.rawValue])
                    #expect(body["authorization_grant_profiles_supported"]?.stringOrStringArray == [GrantProfile.idJAG.rawValue])
                    #expect(body["token_endpoint_auth_methods_supported"]?.stringOrStringArray?.contains("client_secret_post") == true)
                    #expect(body["introspection_endpoint_auth_methods_supported"] != nil)
                    #expect(!String(decoding: response.body.readableBytesView, as: UTF8.self).contains("idp.example"))
                }
            }
            try await client.execute(uri: "/tenant-a/token", method: .post, headers: formHeaders(), body: formBody(tokenForm(assertion: "x"))) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test("the JWKS publishes the access-token key, cacheably")
    func jwks() async throws {
        let fixture = try await ASHTTPFixture.make()
        try await fixture.withRouter { client in
            try await client.execute(uri: "/jwks", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl]?.contains("max-age") == true)
                let keys = try jsonObject(response.body)["keys"]?.arrayValue
                #expect(keys?.count == 1)
                #expect(keys?.first?["kty"] == .string("EC"))
                #expect(keys?.first?["d"] == nil)
            }
        }
    }

    @Test("the authorization endpoint answers with a clear error")
    func authorizationEndpoint() async throws {
        let fixture = try await ASHTTPFixture.make()
        try await fixture.withRouter { client in
            try await client.execute(uri: "/authorize?response_type=code&client_id=x", method: .get) { response in
                #expect(response.status == .badRequest)
                let body = try jsonObject(response.body)
                #expect(body["error"] == .string("unsupported_response_type"))
                #expect(body["error_description"]?.stringValue?.contains("ID-JAG") == true)
            }
        }
    }

    @Test("introspection needs client authentication and reports the token; revocation makes it inactive")
    func introspectionAndRevocation() async throws {
        let fixture = try await ASHTTPFixture.make()
        let assertion = try fixture.base.assertion()
        try await fixture.withRouter { client in
            let token = try await client.execute(uri: "/token", method: .post, headers: formHeaders(), body: formBody(tokenForm(assertion: assertion))) {
                try jsonObject($0.body)["access_token"]?.stringValue ?? ""
            }
            let credentials = ["client_id": ASTestFixture.clientID.rawValue, "client_secret": ASTestFixture.secret]
            try await client.execute(uri: "/introspect", method: .post, headers: formHeaders(), body: formBody(["token": token])) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/introspect", method: .post, headers: formHeaders(), body: formBody(credentials.merging(["token": token]) { $1 })) { response in
                #expect(response.status == .ok)
                let body = try jsonObject(response.body)
                #expect(body["active"] == .bool(true))
                #expect(body["sub"] == .string(ASTestFixture.localUser.rawValue))
                #expect(body["client_id"] == .string(ASTestFixture.clientID.rawValue))
                #expect(body["aud"] == .string(ASTestFixture.resource.rawValue))
                #expect(body["scope"] == .string("files:read"))
            }
            try await client.execute(uri: "/revoke", method: .post, headers: formHeaders(), body: formBody(credentials.merging(["token": token]) { $1 })) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/introspect", method: .post, headers: formHeaders(), body: formBody(credentials.merging(["token": token]) { $1 })) { response in
                let body = try jsonObject(response.body)
                #expect(body == ["active": .bool(false)])
            }
        }
    }

    @Test("the admin API requires an admin bearer token")
    func adminRequiresToken() async throws {
        let fixture = try await ASHTTPFixture.make()
        try await fixture.withRouter { client in
            for authorization in [nil, "Bearer wrong.token", "Basic abc"] as [String?] {
                var headers = HTTPFields()
                if let authorization { headers[.authorization] = authorization }
                try await client.execute(uri: "/admin/api/clients", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
        }
    }

    @Test("the admin API registers clients with a generated secret shown once, audits, and never shows hashes")
    func adminClients() async throws {
        let fixture = try await ASHTTPFixture.make()
        let admin: HTTPFields = [.authorization: "bearer \(fixture.adminToken)", .contentType: "application/json"]
        let registration = #"{"client_id":"client-9","token_endpoint_auth_method":"client_secret_post","allowed_resources":["https://mcp.example/mcp"]}"#
        try await fixture.withRouter { client in
            try await client.execute(uri: "/admin/api/clients", method: .put, headers: admin, body: ByteBuffer(string: registration)) { response in
                #expect(response.status == .ok)
                let body = try jsonObject(response.body)
                #expect(body["client_secret"]?.stringValue?.count == 43)
            }
            try await client.execute(uri: "/admin/api/clients", method: .get, headers: admin) { response in
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(text.contains("client-9"))
                #expect(!text.contains("zt-hmac-sha256") && !text.contains("client_secret\""))
            }
            try await client.execute(uri: "/admin/api/clients/disable?client_id=client-9", method: .post, headers: admin) { #expect($0.status == .ok) }
            try await client.execute(uri: "/admin/api/clients?client_id=nobody", method: .delete, headers: admin) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/admin/api/audit?event=admin.client.create", method: .get, headers: admin) { response in
                let records = try jsonObject(response.body)["records"]?.arrayValue ?? []
                #expect(records.contains { $0["client_id"] == .string("client-9") && $0["actor"] == .string("admin:tester") })
            }
        }
    }

    @Test("the admin API manages trust, resources and users")
    func adminTrustResourcesUsers() async throws {
        let fixture = try await ASHTTPFixture.make()
        let admin: HTTPFields = [.authorization: "Bearer \(fixture.adminToken)", .contentType: "application/json"]
        try await fixture.withRouter { client in
            let trust = #"{"issuer":"https://idp2.example","user_mapping":"create","allowed_algorithms":["ES256"]}"#
            try await client.execute(uri: "/admin/api/trust", method: .put, headers: admin, body: ByteBuffer(string: trust)) { #expect($0.status == .ok) }
            let bad = #"{"issuer":"http://idp3.example"}"#
            try await client.execute(uri: "/admin/api/trust", method: .put, headers: admin, body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .badRequest)
            }
            let resource = #"{"resource":"https://mcp3.example/mcp","scopes":"a b","access_token_lifetime":120}"#
            try await client.execute(uri: "/admin/api/resources", method: .put, headers: admin, body: ByteBuffer(string: resource)) { #expect($0.status == .ok) }
            let user = #"{"id":"u-77","identities":[{"issuer":"https://idp2.example","sub":"x"}]}"#
            try await client.execute(uri: "/admin/api/users", method: .post, headers: admin, body: ByteBuffer(string: user)) { #expect($0.status == .created) }
            try await client.execute(uri: "/admin/api/users", method: .post, headers: admin, body: ByteBuffer(string: user)) { #expect($0.status == .conflict) }
            try await client.execute(uri: "/admin/api/users/disable?id=u-77", method: .post, headers: admin) { #expect($0.status == .ok) }
        }
        let snapshot = fixture.server.registry.snapshot
        #expect(snapshot.trustedIssuers["https://idp2.example"]?.userMapping == .createOnFirstUse)
        #expect(snapshot.resources["https://mcp3.example/mcp"]?.accessTokenLifetime == 120)
        #expect(snapshot.users["u-77"]?.isDisabled == true)
    }
}

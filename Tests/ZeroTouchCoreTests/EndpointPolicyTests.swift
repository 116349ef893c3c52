import Testing
import ZeroTouchCore

@Suite("Endpoint policy (decisions X-11)")
struct EndpointPolicyTests {
    @Test("https is always allowed", arguments: ["https://idp.example.com", "https://idp.example.com/tenant/a", "https://10.0.0.1:8443/x"])
    func https(url: String) {
        #expect(EndpointPolicy.standard.allows(url))
    }

    @Test("http is allowed on loopback hosts", arguments: ["http://localhost:8080", "http://127.0.0.1", "http://127.1.2.3:9/x", "http://[::1]:8080/mcp", "http://app.localhost"])
    func loopback(url: String) {
        #expect(EndpointPolicy.standard.allows(url))
    }

    @Test("http elsewhere is refused unless the loud flag is set", arguments: ["http://idp.example.com", "http://127.0.0.1.evil.example", "http://10.0.0.1", "http://localhost.evil.example"])
    func insecure(url: String) {
        #expect(throws: EndpointPolicy.Violation.insecureScheme(url)) { try EndpointPolicy.standard.check(url) }
        #expect(EndpointPolicy(allowInsecureNonLoopbackHTTP: true).allows(url))
    }

    @Test("non-URLs, other schemes, fragments and credentials are refused", arguments: ["", "idp.example.com", "ftp://idp.example.com", "https://idp.example.com/#x", "https://user:pw@idp.example.com", "https:///path"])
    func refused(url: String) {
        #expect(!EndpointPolicy(allowInsecureNonLoopbackHTTP: true).allows(url))
    }
}

@Suite("Metadata discovery URLs")
struct DiscoveryURLTests {
    @Test("an issuer without a path tries RFC 8414 then OpenID discovery")
    func rootIssuer() {
        #expect(AuthorizationServerMetadata.discoveryURLs(for: "https://as.example/") == [
            "https://as.example/.well-known/oauth-authorization-server",
            "https://as.example/.well-known/openid-configuration",
        ])
    }

    @Test("an issuer with a path tries path-inserted forms first, then path-appended OpenID")
    func pathIssuer() {
        #expect(AuthorizationServerMetadata.discoveryURLs(for: "https://as.example/tenant1") == [
            "https://as.example/.well-known/oauth-authorization-server/tenant1",
            "https://as.example/.well-known/openid-configuration/tenant1",
            "https://as.example/tenant1/.well-known/openid-configuration",
        ])
    }

    @Test("protected resource metadata is path-inserted first, then at the root")
    func protectedResource() {
        #expect(ProtectedResourceMetadata.discoveryURLs(for: "http://localhost:3000/mcp") == [
            "http://localhost:3000/.well-known/oauth-protected-resource/mcp",
            "http://localhost:3000/.well-known/oauth-protected-resource",
        ])
    }

    @Test("metadata decodes the EMA fields and tells whether jwt-bearer is offered")
    func decodes() throws {
        let json = #"{"issuer":"http://localhost:1","token_endpoint":"http://localhost:1/token","grant_types_supported":["urn:ietf:params:oauth:grant-type:jwt-bearer"],"unknown":1}"#
        let metadata = try JSONDecoder().decode(AuthorizationServerMetadata.self, from: Data(json.utf8))
        #expect(metadata.issuer == "http://localhost:1")
        #expect(metadata.supportsJWTBearer)
        #expect(metadata.authorizationGrantProfilesSupported == nil)
    }
}

import Foundation

import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting

/// The eight resource-authorization-server scenarios of the conformance suite (checklist §7.3),
/// over loopback HTTP against a minimal independent IdP, plus concurrent replay.
@Suite("End to end: conformance scenarios against a minimal independent IdP")
struct ConformanceScenarioTests {
    @Test("1. metadata advertises the id-jag profile and the jwt-bearer grant")
    func metadata() async throws {
        try await MiniIdP.run { idp in
            try await EndToEndDeployment.run(trusting: [idp.issuer]) { deployment in
                let (status, json) = try await deployment.get(deployment.issuer.rawValue + "/.well-known/oauth-authorization-server")
                #expect(status == 200)
                #expect(json["issuer"] == .string(deployment.issuer.rawValue))
                #expect(json["authorization_grant_profiles_supported"]?.arrayValue?.contains(.string(GrantProfile.idJAG.rawValue)) == true)
                #expect(json["grant_types_supported"]?.arrayValue?.contains(.string(GrantType.jwtBearer.rawValue)) == true)
                #expect(json["introspection_endpoint"]?.stringValue != nil)
            }
        }
    }

    @Test("2–4. happy paths: without resource, with resource, with scope; introspection with client_secret_post",
          arguments: [(false, false), (true, false), (true, true)])
    func happyPaths(withResource: Bool, withScope: Bool) async throws {
        try await MiniIdP.run { idp in
            try await EndToEndDeployment.run(trusting: [idp.issuer]) { deployment in
                let assertion = try deployment.idJAG(
                    from: idp, resource: withResource ? EndToEndDeployment.trustedResource : nil, scope: withScope ? EndToEndDeployment.scope : nil)
                let token = try await deployment.redeem(assertion)
                #expect(token.status == 200)
                #expect(token.contentType?.hasPrefix("application/json") == true)
                #expect(token.cacheControl?.contains("no-store") == true)
                #expect(token.json["token_type"]?.stringValue?.isEmpty == false)
                #expect(token.json["refresh_token"] == nil)
                let accessToken = try #require(token.json["access_token"]?.stringValue)
                let introspection = try await deployment.introspect(accessToken)
                #expect(introspection["active"] == .bool(true))
                #expect(introspection["client_id"] == .string(EndToEndDeployment.clientID.rawValue))
                #expect(introspection["sub"] == .string(EndToEndDeployment.localSubject.rawValue))
                #expect(introspection["aud"]?.stringOrStringArray == [EndToEndDeployment.trustedResource.rawValue])
                if withScope {
                    #expect(introspection["scope"]?.stringValue?.split(separator: " ").contains(Substring(EndToEndDeployment.scope)) == true)
                }
            }
        }
    }

    @Test("5. an untrusted resource is invalid_target")
    func untrustedResource() async throws {
        try await MiniIdP.run { idp in
            try await EndToEndDeployment.run(trusting: [idp.issuer]) { deployment in
                let response = try await deployment.redeem(try deployment.idJAG(from: idp, resource: EndToEndDeployment.untrustedResource))
                #expect(response.status == 400)
                #expect(response.json["error"] == .string("invalid_target"))
            }
        }
    }

    @Test("6. an unregistered scope is invalid_scope")
    func unregisteredScope() async throws {
        try await MiniIdP.run { idp in
            try await EndToEndDeployment.run(trusting: [idp.issuer]) { deployment in
                let scope = "urn:mcp-conformance:unregistered-scope:\(UUID().uuidString.lowercased())"
                let response = try await deployment.redeem(try deployment.idJAG(from: idp, resource: EndToEndDeployment.trustedResource, scope: scope))
                #expect(response.status == 400)
                #expect(response.json["error"] == .string("invalid_scope"))
            }
        }
    }

    @Test("7. an ID-JAG signed with an unpublished key is invalid_grant")
    func unpublishedKey() async throws {
        try await MiniIdP.run { idp in
            try await EndToEndDeployment.run(trusting: [idp.issuer]) { deployment in
                let unpublished = try SigningKey.generate(.es256, keyID: "idp-unpublished-es256")
                let response = try await deployment.redeem(try deployment.idJAG(from: idp, signedWith: unpublished))
                #expect(response.status == 400)
                #expect(response.json["error"] == .string("invalid_grant"))
            }
        }
    }

    @Test("8. an ID-JAG from an untrusted IdP is invalid_grant")
    func untrustedIdP() async throws {
        try await MiniIdP.run { trusted in
            try await MiniIdP.run { untrusted in
                try await EndToEndDeployment.run(trusting: [trusted.issuer]) { deployment in
                    let response = try await deployment.redeem(try deployment.idJAG(from: untrusted))
                    #expect(response.status == 400)
                    #expect(response.json["error"] == .string("invalid_grant"))
                }
            }
        }
    }

    @Test("six concurrent presentations of one ID-JAG yield exactly one token")
    func concurrentReplay() async throws {
        try await MiniIdP.run { idp in
            try await EndToEndDeployment.run(trusting: [idp.issuer]) { deployment in
                let assertion = try deployment.idJAG(from: idp)
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<6 { group.addTask { try await deployment.redeem(assertion).status } }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == 200 }.count == 1)
                #expect(statuses.filter { $0 == 400 }.count == 5)
            }
        }
    }
}

import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting

/// Key retrieval over real HTTP fails closed, and one IdP's failure never blocks another.
@Suite("End to end: JWKS endpoints that are slow, huge or down")
struct JWKSFailureTests {
    @Test("huge and failing JWKS endpoints and an unreachable IdP fail closed with invalid_grant",
          arguments: [MiniIdP.JWKSBehavior.huge, .status(500), .status(302)])
    func failsClosed(_ behavior: MiniIdP.JWKSBehavior) async throws {
        try await MiniIdP.run(jwks: behavior) { idp in
            try await EndToEndDeployment.run(trusting: [idp.issuer]) { deployment in
                let response = try await deployment.redeem(try deployment.idJAG(from: idp))
                #expect(response.status == 400)
                #expect(response.json["error"] == .string("invalid_grant"))
            }
        }
    }

    @Test("an IdP that is down fails closed")
    func down() async throws {
        let stopped = try await MiniIdP.run { idp in idp.issuer }
        try await MiniIdP.run { stoppedStandIn in
            try await EndToEndDeployment.run(trusting: [stopped]) { deployment in
                let assertion = try stoppedStandIn.idJAG(
                    subject: EndToEndDeployment.idpSubject, audience: deployment.issuer, clientID: EndToEndDeployment.clientID,
                    now: deployment.clock.now, extraClaims: ["iss": .string(stopped.rawValue)])
                let response = try await deployment.redeem(assertion)
                #expect(response.status == 400)
                #expect(response.json["error"] == .string("invalid_grant"))
            }
        }
    }

    @Test("a JWKS endpoint that never answers times out closed without blocking another IdP")
    func slowDoesNotBlockOthers() async throws {
        let fetcher = HTTPJWKSFetcher(timeout: .milliseconds(800))
        try await MiniIdP.run(jwks: .hang) { slow in
            try await MiniIdP.run { healthy in
                try await EndToEndDeployment.run(trusting: [slow.issuer, healthy.issuer], jwksFetcher: fetcher) { deployment in
                    let slowAssertion = try deployment.idJAG(from: slow)
                    let pending = Task { try await deployment.redeem(slowAssertion) }
                    let healthyResponse = try await deployment.redeem(try deployment.idJAG(from: healthy))
                    #expect(healthyResponse.status == 200)
                    let slowResponse = try await pending.value
                    #expect(slowResponse.status == 400)
                    #expect(slowResponse.json["error"] == .string("invalid_grant"))
                    #expect(slowResponse.json["error_description"]?.stringValue?.contains("unavailable") == true)
                }
            }
        }
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Rejection catalogs and key rotation")
struct RejectionCatalogTests {
    static let exchangeRejections: [(TokenExchangeRejection, OAuthErrorCode)] = [
        (.missingParameter("audience"), .invalidRequest), (.parameterTooLong("resource"), .invalidRequest),
        (.unsupportedRequestedTokenType("x"), .invalidRequest), (.unsupportedSubjectTokenType("x"), .invalidRequest),
        (.unsupportedParameter("actor_token"), .invalidRequest), (.malformedTarget("audience"), .invalidRequest), (.malformedScope, .invalidScope),
        (.clientAuthenticationRequired("c"), .invalidClient), (.invalidSubjectToken(.wrongIssuer("https://x")), .invalidGrant),
        (.invalidSubjectToken(.missingClaim("amr")), .invalidGrant), (.invalidSubjectToken(.userSuspended("u")), .invalidGrant),
        (.unknownResource("https://r"), .invalidTarget), (.audienceResourceMismatch(audience: "https://a", resource: "https://r"), .invalidTarget),
        (.unknownAudience("https://a"), .invalidTarget), (.resourceRequired(audience: "https://a"), .invalidTarget),
        (.policy(.noMatchingAllowRule), .accessDenied), (.policy(.deniedByRules(["r"])), .accessDenied),
        (.policy(.scopesNotAllowed(requested: ["x"])), .invalidScope),
        (.policy(.stepUpRequired(StepUpRequirement(requiresSecondFactor: true, maximumAuthenticationAge: nil, ruleIDs: []))), .insufficientUserAuthentication),
    ]

    @Test("every token-exchange rejection has its RFC 6749 §5.2 code, a description and a reason code", arguments: exchangeRejections)
    func exchangeCatalog(rejection: TokenExchangeRejection, code: OAuthErrorCode) {
        #expect(rejection.errorCode == code)
        #expect(!rejection.errorDescription.isEmpty && !rejection.reasonCode.isEmpty && !rejection.description.isEmpty)
        #expect(TokenExchangeError(rejection, auditReference: nil).oauthError.additionalFields.isEmpty)
    }

    static let grantRejections: [TokenGrantRejection] = [
        .missingParameter("code"), .unknownCode, .reusedCode("f"), .expiredCode, .codeClientMismatch("c"), .redirectURIMismatch,
        .pkceVerificationFailed, .userInactive("u"), .unknownRefreshToken, .refreshTokenReused("f"), .refreshTokenRevoked("f"),
        .refreshTokenExpired("f"), .refreshClientMismatch("c"), .scopeNotGranted,
    ]

    @Test("every code and refresh rejection is invalid_grant, except missing parameters and widened scopes", arguments: grantRejections)
    func grantCatalog(rejection: TokenGrantRejection) {
        let expected: OAuthErrorCode =
            switch rejection {
            case .missingParameter: .invalidRequest
            case .scopeNotGranted: .invalidScope
            default: .invalidGrant
            }
        #expect(rejection.oauthError.code == expected)
        #expect(!(rejection.oauthError.errorDescription ?? "").isEmpty && !rejection.reasonCode.isEmpty)
    }

    @Test("after a key rotation the new key signs, and tokens signed by the old one still verify while it is published")
    func rotation() async throws {
        let fixture = try await IdPFixture.make()
        let before = try await fixture.idToken(for: fixture.alice)
        let oldKey = try await fixture.provider.keyRing.activeKey(now: fixture.clock.now).keyID
        let newKey = try await fixture.provider.rotateSigningKey().keyID
        #expect(oldKey != newKey)
        #expect(try await fixture.provider.jwks().keys.compactMap(\.keyID) == [newKey, oldKey])
        let early = try await fixture.provider.exchange.exchange(fixture.exchangeForm(subjectToken: before), for: IdPFixture.authenticated("cli"))
        #expect(try UnverifiedJWT(compact: early.accessToken).header.keyID == oldKey, "the new key is published before it signs")
        fixture.clock.advance(by: KeyRing.defaultActivationDelay)
        let response = try await fixture.provider.exchange.exchange(fixture.exchangeForm(subjectToken: before), for: IdPFixture.authenticated("cli"))
        #expect(try UnverifiedJWT(compact: response.accessToken).header.keyID == newKey)
        fixture.clock.advance(by: 3661)
        #expect(try await fixture.provider.jwks().keys.compactMap(\.keyID) == [newKey])
    }
}

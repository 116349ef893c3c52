import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE

/// Every rejection case with the error code decisions give it.
let everyRejection: [(IDJAGRejection, OAuthErrorCode)] = {
    let idp: Issuer = "https://idp.example"
    let now = Date(timeIntervalSince1970: 1_900_000_000)
    let resource: ResourceIdentifier = "https://mcp.example/mcp"
    return [
        (.oversized(bytes: 20000, limit: 16384), .invalidGrant),
        (.malformed(.malformedCompactSerialization(parts: 2)), .invalidGrant),
        (.wrongType("JWT"), .invalidGrant),
        (.algorithmNotAllowed(algorithm: "HS256", issuer: idp.rawValue), .invalidGrant),
        (.untrustedIssuer("https://evil.example"), .invalidGrant),
        (.unknownKey(issuer: idp, keyID: "k"), .invalidGrant),
        (.ambiguousKey(issuer: idp, candidates: 2), .invalidGrant),
        (.unsuitableKey(issuer: idp, keyID: "k"), .invalidGrant),
        (.keysUnavailable(issuer: idp, reason: "timed out"), .invalidGrant),
        (.badSignature(issuer: idp, keyID: "k"), .invalidGrant),
        (.missingClaim("jti"), .invalidGrant),
        (.invalidClaim("exp"), .invalidGrant),
        (.unsupportedClaim("cnf"), .invalidGrant),
        (.audienceMismatch(expected: "https://as.example", actual: ["x"]), .invalidGrant),
        (.clientMismatch(expected: "a", actual: "b"), .invalidGrant),
        (.resourceRequired(client: "a", strictEMA: false), .invalidTarget),
        (.resourceRequired(client: "a", strictEMA: true), .invalidGrant),
        (.unknownResource(resource, strictEMA: false), .invalidTarget),
        (.unknownResource(resource, strictEMA: true), .invalidGrant),
        (.resourceNotAllowed(resource, client: "a", strictEMA: false), .invalidTarget),
        (.resourceNotAllowed(resource, client: "a", strictEMA: true), .invalidGrant),
        (.resourceMismatch(requested: "https://a.example", asserted: resource), .invalidTarget),
        (.expired(exp: now, now: now), .invalidGrant),
        (.notYetValid(nbf: now, now: now), .invalidGrant),
        (.issuedInFuture(iat: now, now: now), .invalidGrant),
        (.lifetimeTooLong(lifetime: 900, maximum: 600), .invalidGrant),
        (.malformedScope, .invalidGrant),
        (.unregisteredScope(["admin"], resource: resource, strictEMA: false), .invalidScope),
        (.unregisteredScope(["admin"], resource: resource, strictEMA: true), .invalidGrant),
        (.scopeNotGranted(requested: ["x"]), .invalidScope),
        (.tenantMismatch(expected: "acme", actual: nil), .invalidGrant),
        (.userNotLinked(LinkedIdentity(issuer: idp, subject: "s")), .accessDenied),
        (.userDisabled("u"), .accessDenied),
        (.replayed(issuer: idp, jti: "j"), .invalidGrant),
    ]
}()

@Suite("ID-JAG rejections on the wire")
struct IDJAGRejectionTests {
    @Test("every rejection has its error code, a 400, a non-empty description and a log line", arguments: everyRejection)
    func sweep(_ rejection: IDJAGRejection, _ code: OAuthErrorCode) {
        #expect(rejection.errorCode == code)
        let wire = rejection.oauthError
        #expect(wire.code == code)
        #expect(wire.status == 400)
        #expect(!(wire.errorDescription ?? "").isEmpty)
        #expect(!rejection.description.isEmpty)
        #expect(!rejection.auditReason.isEmpty)
    }

    @Test("the sweep covers every case: adding a case breaks this exhaustive switch until the sweep lists it")
    func sweepIsComplete() {
        func ordinal(_ rejection: IDJAGRejection) -> Int {
            switch rejection {
            case .oversized: 0
            case .malformed: 1
            case .wrongType: 2
            case .algorithmNotAllowed: 3
            case .untrustedIssuer: 4
            case .unknownKey: 5
            case .ambiguousKey: 6
            case .unsuitableKey: 7
            case .keysUnavailable: 8
            case .badSignature: 9
            case .missingClaim: 10
            case .invalidClaim: 11
            case .audienceMismatch: 12
            case .clientMismatch: 13
            case .resourceRequired: 14
            case .unknownResource: 15
            case .resourceNotAllowed: 16
            case .resourceMismatch: 17
            case .expired: 18
            case .notYetValid: 19
            case .issuedInFuture: 20
            case .lifetimeTooLong: 21
            case .malformedScope: 22
            case .unregisteredScope: 23
            case .scopeNotGranted: 24
            case .tenantMismatch: 25
            case .userNotLinked: 26
            case .userDisabled: 27
            case .replayed: 28
            case .unsupportedClaim: 29
            }
        }
        #expect(Set(everyRejection.map { ordinal($0.0) }) == Set(0...29))
        #expect(Set(everyRejection.map(\.0.auditReason)).count == 30)
    }

    @Test("an untrusted issuer and an unknown key share one description, so trust is not revealed")
    func untrustedAndUnknownKeyLookAlike() {
        let untrusted = IDJAGRejection.untrustedIssuer("https://evil.example").errorDescription
        let unknown = IDJAGRejection.unknownKey(issuer: "https://idp.example", keyID: "k").errorDescription
        #expect(untrusted == unknown)
        #expect(!untrusted.contains("idp.example"))
    }

    @Test("an unknown resource and one the client may not use share one description")
    func resourcesLookAlike() {
        let unknown = IDJAGRejection.unknownResource("https://a.example", strictEMA: false).errorDescription
        let notAllowed = IDJAGRejection.resourceNotAllowed("https://a.example", client: "c", strictEMA: false).errorDescription
        #expect(unknown == notAllowed)
    }

    @Test("the replay description says replayed (decisions X-2)")
    func replayDescription() {
        #expect(IDJAGRejection.replayed(issuer: "https://idp.example", jti: "j").errorDescription.contains("replayed"))
    }

    @Test("log lines quote and cut sender-chosen text")
    func logLinesAreSafe() {
        let hostile = String(repeating: "x", count: 500) + "\n" + "forged log line"
        let line = IDJAGRejection.untrustedIssuer(hostile).description
        #expect(!line.contains("\n"))
        #expect(line.count < 120)
    }
}

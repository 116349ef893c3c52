import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE

@Suite("Rejection descriptions")
struct JOSERejectionTests {
    static let now = Fixture.now

    static let allCases: [JOSERejection] = [
        .tokenTooLarge(bytes: 20_000, limit: 16_384), .encryptedToken, .malformedCompactSerialization(parts: 2),
        .invalidBase64URL(.payload), .headerNotJSONObject, .duplicateMemberName(.header), .invalidHeaderMember(name: "alg"), .unsupportedCriticalHeader(["b64"]),
        .unsecuredToken, .payloadNotJSONObject, .missingSignature, .typeMismatch(expected: "oauth-id-jag+jwt", actual: nil),
        .typeMismatch(expected: "oauth-id-jag+jwt", actual: "JWT"), .symmetricAlgorithm("HS256"), .algorithmNotAllowed("RS384"),
        .unknownKeyID("k1"), .noKeyForAlgorithm(.es256), .ambiguousKey(algorithm: .es256, candidates: 2),
        .keyAlgorithmMismatch(keyID: "k1", keyAlgorithm: .rs256, tokenAlgorithm: .ps256),
        .keyTypeMismatch(keyID: nil, keyType: "RSA", algorithm: .es256),
        .keySetUnavailable(issuer: Fixture.issuer, reason: .timedOut(after: .seconds(5))), .badSignature(keyID: "k1"),
        .invalidClaim(name: "exp"), .missingClaim(name: "exp"), .expired(exp: now, now: now), .notYetValid(nbf: now, now: now),
        .issuedInFuture(iat: now, now: now), .lifetimeTooLong(lifetime: 900, maximum: 600),
    ]

    @Test("every case has a one-line description", arguments: allCases)
    func describes(_ rejection: JOSERejection) {
        #expect(!rejection.description.isEmpty)
        #expect(!rejection.description.contains("\n"))
    }

    @Test("a hostile kid or typ cannot forge log lines or flood them")
    func sanitizesSenderText() {
        let description = JOSERejection.unknownKeyID(KeyID("evil\nlevel=error msg=forged" + String(repeating: "x", count: 500))).description
        #expect(!description.contains("\n"))
        #expect(description.count < 120)
        #expect(!JOSERejection.typeMismatch(expected: "at+jwt", actual: "a\r\nb").description.contains("\r"))
    }

    @Test("the parse rejection never repeats the token")
    func neverRepeatsToken() throws {
        let key = try SigningKey.generate()
        let token = try Fixture.idJAG(key)
        let parts = token.split(separator: ".")
        let tampered = parts[0] + "." + parts[1] + "=." + parts[2]
        do {
            _ = try UnverifiedJWT(compact: String(tampered))
            Issue.record("expected a rejection")
        } catch {
            #expect(!error.description.contains(parts[1]))
        }
    }

    @Test("fetch failures and skipped keys describe themselves", arguments: [
        JWKSFetchFailure.endpointRejected(.insecureScheme("http://a.example")), .transportFailed("refused"), .timedOut(after: .seconds(5)),
        .unexpectedStatus(500), .redirected, .bodyTooLarge(limit: 65_536), .malformedJWKS, .metadataNotFound(issuer: Fixture.issuer),
        .issuerMismatch(expected: Fixture.issuer, actual: "https://evil.example"), .missingJWKSURI(issuer: Fixture.issuer),
    ])
    func fetchFailures(_ failure: JWKSFetchFailure) {
        #expect(!failure.description.isEmpty)
    }
}

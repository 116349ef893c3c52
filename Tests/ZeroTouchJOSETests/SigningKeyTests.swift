import Crypto
import CryptoExtras
import Foundation
import Testing
import ZeroTouchCore
@testable import ZeroTouchJOSE

@Suite("Signing keys: generation, PEM, kid, public JWK")
struct SigningKeyTests {
    @Test("generates ES256 by default")
    func defaultAlgorithm() throws {
        #expect(try SigningKey.generate().algorithm == .es256)
    }

    @Test("round-trips through PKCS#8 PEM and a stored record", arguments: JWSAlgorithm.allCases)
    func pemRoundTrip(_ algorithm: JWSAlgorithm) async throws {
        let key = try SigningKey.generate(algorithm)
        #expect(key.pkcs8PEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let stored = key.storedKey(createdAt: Fixture.now)
        #expect(stored.algorithm == algorithm.rawValue)
        #expect(stored.keyID == key.keyID)
        #expect(stored.isActive)
        let loaded = try SigningKey(stored: stored)
        #expect(loaded.publicJWK == key.publicJWK)
        let token = try Fixture.idJAG(loaded)
        _ = try await Fixture.verifier(VerificationKeySet([key.verificationKey])).verify(token)
    }

    @Test("publishes a JWK with use sig, alg and the RFC 7638 thumbprint as kid", arguments: JWSAlgorithm.allCases)
    func publicJWK(_ algorithm: JWSAlgorithm) throws {
        let key = try SigningKey.generate(algorithm)
        let jwk = key.publicJWK
        #expect(jwk.use == "sig")
        #expect(jwk.algorithm == algorithm.rawValue)
        #expect(jwk.keyType == algorithm.keyType)
        #expect(jwk.keyID == key.keyID)
        #expect(key.keyID.rawValue == jwk.thumbprint())
        #expect(key.keyID.rawValue.count == 43)
        let json = try #require(String(data: JSONEncoder().encode(jwk), encoding: .utf8))
        #expect(!json.contains("\"d\""))
    }

    @Test("keeps a given kid")
    func givenKeyID() throws {
        #expect(try SigningKey.generate(.edDSA, keyID: "2026-01").keyID == "2026-01")
    }

    @Test("computes the RFC 7638 §3.1 and RFC 8037 §A.3 thumbprints")
    func thumbprintKnownAnswers() {
        let rsa = JWK(
            keyType: "RSA",
            modulus: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            exponent: "AQAB", keyID: "2011-04-29", algorithm: "RS256")
        #expect(rsa.thumbprint() == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
        let okp = JWK(keyType: "OKP", curve: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        #expect(okp.thumbprint() == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        #expect(JWK(keyType: "EC", curve: "P-256", x: "AA").thumbprint() == nil)
        #expect(JWK(keyType: "oct").thumbprint() == nil)
    }

    @Test("refuses a PEM of another key type, garbage, and RSA under 2048 bits")
    func refusesWrongPEM() throws {
        let ec = try SigningKey.generate(.es256).pkcs8PEM
        let ed = try SigningKey.generate(.edDSA).pkcs8PEM
        #expect(throws: SigningKeyError.invalidPrivateKey(algorithm: .edDSA)) { try SigningKey(pem: ec, algorithm: .edDSA) }
        #expect(throws: SigningKeyError.invalidPrivateKey(algorithm: .es256)) { try SigningKey(pem: ed, algorithm: .es256) }
        #expect(throws: SigningKeyError.invalidPrivateKey(algorithm: .rs256)) { try SigningKey(pem: ec, algorithm: .rs256) }
        #expect(throws: SigningKeyError.invalidPrivateKey(algorithm: .es256)) { try SigningKey(pem: "not a key", algorithm: .es256) }
        let weak = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
        #expect(throws: SigningKeyError.invalidPrivateKey(algorithm: .rs256)) { try SigningKey(pem: weak.pkcs8PEMRepresentation, algorithm: .rs256) }
    }

    @Test("refuses a stored key with an unknown algorithm")
    func refusesUnknownStoredAlgorithm() throws {
        var stored = try SigningKey.generate().storedKey(createdAt: Fixture.now)
        stored.algorithm = "HS256"
        #expect(throws: SigningKeyError.unsupportedAlgorithm("HS256")) { try SigningKey(stored: stored) }
    }

    @Test("reads PKCS#1 RSA keys too, and writes them back as PKCS#8")
    func readsPKCS1() throws {
        let raw = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        #expect(raw.pemRepresentation.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        let key = try SigningKey(pem: raw.pemRepresentation, algorithm: .rs256)
        #expect(key.pkcs8PEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(key.keyID == (try SigningKey(pem: raw.pkcs8PEMRepresentation, algorithm: .rs256)).keyID)
    }

    @Test("signs Codable claims with integer NumericDates and the exact typ")
    func signsCodableClaims() throws {
        struct Claims: Codable {
            var iss: String
            var exp: Date
            var iat: Date
        }
        let key = try SigningKey.generate()
        let token = try key.sign(Claims(iss: "https://idp.example", exp: Fixture.now.addingTimeInterval(300.9), iat: Fixture.now), type: "at+jwt")
        let parsed = try UnverifiedJWT(compact: token)
        #expect(parsed.header.jsonObject == ["alg": .string("ES256"), "kid": .string(key.keyID.rawValue), "typ": .string("at+jwt")])
        #expect(parsed.unverifiedClaims["exp"] == .integer(1_900_000_300))
        #expect(parsed.unverifiedClaims["iat"] == .integer(1_900_000_000))
    }

    @Test("refuses claims that do not encode as a JSON object")
    func refusesNonObjectClaims() throws {
        let key = try SigningKey.generate()
        #expect(throws: SigningKeyError.claimsNotJSONObject) { try key.sign(["a", "b"], type: "JWT") }
        #expect(throws: SigningKeyError.claimsNotJSONObject) { try key.sign("claims", type: "JWT") }
    }
}

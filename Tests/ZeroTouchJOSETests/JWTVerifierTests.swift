import Crypto
import CryptoExtras
import Foundation
import Testing
import ZeroTouchCore
@testable import ZeroTouchJOSE

@Suite("Verifying a JWT: typ, alg, key, signature")
struct JWTVerifierTests {
    static let idJAGType = EnterpriseManagedAuthorization.idJAGType

    @Test("signs and verifies with every algorithm", arguments: JWSAlgorithm.allCases)
    func roundTrip(_ algorithm: JWSAlgorithm) async throws {
        let key = try SigningKey.generate(algorithm)
        let claims = Fixture.claims()
        let verified = try await Fixture.verifier(VerificationKeySet([key.verificationKey])).verify(try Fixture.idJAG(key, claims: claims))
        #expect(verified.algorithm == algorithm)
        #expect(verified.keyID == key.keyID)
        #expect(verified.header.type == Self.idJAGType)
        #expect(verified.claims.members == claims)
    }

    @Test("accepts typ case-insensitively and with the application/ prefix", arguments: [
        "oauth-id-jag+jwt", "OAuth-ID-JAG+JWT", "application/oauth-id-jag+jwt", "APPLICATION/OAUTH-ID-JAG+JWT",
    ])
    func acceptsTypeSpellings(_ type: String) async throws {
        let key = try SigningKey.generate()
        let token = try key.sign(Fixture.claims(), type: type)
        #expect(try UnverifiedJWT(compact: token).header.type == type)
        _ = try await Fixture.verifier(VerificationKeySet([key.verificationKey])).verify(token)
    }

    @Test("refuses a wrong or missing typ before looking at keys")
    func refusesWrongType() async throws {
        let key = try SigningKey.generate()
        let keys = CountingKeySource(VerificationKeySet([key.verificationKey]))
        await #expect(throws: JOSERejection.typeMismatch(expected: Self.idJAGType, actual: "JWT")) {
            try await Fixture.verifier(keys).verify(try key.sign(Fixture.claims(), type: "JWT"))
        }
        await #expect(throws: JOSERejection.typeMismatch(expected: Self.idJAGType, actual: "at+jwt")) {
            try await Fixture.verifier(keys).verify(try key.sign(Fixture.claims(), type: "at+jwt"))
        }
        await #expect(throws: JOSERejection.typeMismatch(expected: Self.idJAGType, actual: nil)) {
            try await Fixture.verifier(keys).verify(Fixture.token(header: ["alg": .string("ES256"), "kid": .string(key.keyID.rawValue)]))
        }
        #expect(keys.lookups == 0)
    }

    @Test("an absentOr expectation accepts a token without typ")
    func absentOrAcceptsMissingType() async throws {
        let key = try SigningKey.generate()
        let token = try Self.signWithoutKeyID(key, header: ["alg": .string("ES256"), "kid": .string(key.keyID.rawValue)])
        let verifier = JWTVerifier(expectedType: .absentOr("JWT"), allowedAlgorithms: [.es256], keys: VerificationKeySet([key.verificationKey]))
        _ = try await verifier.verify(token)
        await #expect(throws: JOSERejection.typeMismatch(expected: "JWT", actual: "oauth-id-jag+jwt")) { try await verifier.verify(try Fixture.idJAG(key)) }
    }

    @Test("refuses alg none")
    func refusesNone() async throws {
        let key = try SigningKey.generate()
        let token = Fixture.token(header: ["alg": .string("none"), "typ": .string(Self.idJAGType)], signature: "")
        await #expect(throws: JOSERejection.unsecuredToken) { try await Fixture.verifier(VerificationKeySet([key.verificationKey])).verify(token) }
    }

    @Test("refuses an HS256 token whose secret is the public key, before any key is touched")
    func refusesHMACWithPublicKey() async throws {
        let ecKey = P256.Signing.PrivateKey()
        let rsaKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let cases: [(SigningKey, [UInt8])] = [
            (try SigningKey(pem: ecKey.pemRepresentation, algorithm: .es256), Array(ecKey.publicKey.derRepresentation)),
            (try SigningKey(pem: ecKey.pemRepresentation, algorithm: .es256), Array(ecKey.publicKey.pemRepresentation.utf8)),
            (try SigningKey(pem: rsaKey.pkcs8PEMRepresentation, algorithm: .rs256), Array(rsaKey.publicKey.pemRepresentation.utf8)),
        ]
        for (key, secret) in cases {
            let header: [String: JSONValue] = ["alg": .string("HS256"), "kid": .string(key.keyID.rawValue), "typ": .string(Self.idJAGType)]
            let input = Fixture.encoded(header) + "." + Fixture.encoded(Fixture.claims())
            let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: secret))
            let token = input + "." + Base64URL.encode(Array(mac))
            let keys = CountingKeySource(VerificationKeySet([key.verificationKey]))
            await #expect(throws: JOSERejection.symmetricAlgorithm("HS256")) { try await Fixture.verifier(keys).verify(token) }
            #expect(keys.lookups == 0)
        }
    }

    @Test("refuses algorithms outside the allow-list before any key is touched")
    func refusesDisallowedAlgorithm() async throws {
        let key = try SigningKey.generate(.edDSA)
        let keys = CountingKeySource(VerificationKeySet([key.verificationKey]))
        let verifier = JWTVerifier(expectedType: .idJAG, allowedAlgorithms: [.es256], keys: keys)
        await #expect(throws: JOSERejection.algorithmNotAllowed("EdDSA")) { try await verifier.verify(try Fixture.idJAG(key)) }
        await #expect(throws: JOSERejection.algorithmNotAllowed("RS384")) {
            try await verifier.verify(Fixture.token(header: ["alg": .string("RS384"), "typ": .string(Self.idJAGType)]))
        }
        await #expect(throws: JOSERejection.symmetricAlgorithm("HS512")) {
            try await verifier.verify(Fixture.token(header: ["alg": .string("HS512"), "typ": .string(Self.idJAGType)]))
        }
        #expect(keys.lookups == 0)
    }

    @Test("refuses a tampered payload or signature")
    func refusesBadSignature() async throws {
        let key = try SigningKey.generate()
        let verifier = Fixture.verifier(VerificationKeySet([key.verificationKey]))
        let parts = try Fixture.idJAG(key).split(separator: ".").map(String.init)
        var claims = Fixture.claims()
        claims["sub"] = .string("mallory")
        let tamperedPayload = [parts[0], Fixture.encoded(claims), parts[2]].joined(separator: ".")
        await #expect(throws: JOSERejection.badSignature(keyID: key.keyID)) { try await verifier.verify(tamperedPayload) }

        var signature = try #require(Base64URL.decode(parts[2]))
        signature[10] ^= 0x01
        let tamperedSignature = [parts[0], parts[1], Base64URL.encode(signature)].joined(separator: ".")
        await #expect(throws: JOSERejection.badSignature(keyID: key.keyID)) { try await verifier.verify(tamperedSignature) }
    }

    @Test("refuses a key whose type cannot make the token's algorithm")
    func refusesWrongKeyType() async throws {
        let rsa = try SigningKey.generate(.rs256, keyID: "shared")
        let ec = try SigningKey.generate(.es256, keyID: "shared")
        await #expect(throws: JOSERejection.keyTypeMismatch(keyID: "shared", keyType: "RSA", algorithm: .es256)) {
            try await Fixture.verifier(VerificationKeySet([rsa.verificationKey])).verify(try Fixture.idJAG(ec))
        }
    }

    @Test("refuses a key whose own alg differs from the token's, and accepts a key without alg")
    func honoursJWKAlgorithm() async throws {
        let rs256 = try SigningKey.generate(.rs256)
        let ps256 = try SigningKey(pem: rs256.pkcs8PEM, algorithm: .ps256)
        #expect(ps256.keyID == rs256.keyID)
        let token = try Fixture.idJAG(ps256)
        await #expect(throws: JOSERejection.keyAlgorithmMismatch(keyID: rs256.keyID, keyAlgorithm: .rs256, tokenAlgorithm: .ps256)) {
            try await Fixture.verifier(VerificationKeySet([rs256.verificationKey])).verify(token)
        }
        var jwk = rs256.publicJWK
        jwk.algorithm = nil
        _ = try await Fixture.verifier(VerificationKeySet([try VerificationKey(jwk: jwk)])).verify(token)
    }

    @Test("selects by kid, and without kid only when exactly one key fits")
    func selectsKeys() async throws {
        let first = try SigningKey.generate()
        let second = try SigningKey.generate()
        let rsa = try SigningKey.generate(.rs256)
        let noKid: [String: JSONValue] = ["alg": .string("ES256"), "typ": .string(Self.idJAGType)]
        let token = try Self.signWithoutKeyID(first, header: noKid)

        _ = try await Fixture.verifier(VerificationKeySet([first.verificationKey, rsa.verificationKey])).verify(token)
        await #expect(throws: JOSERejection.ambiguousKey(algorithm: .es256, candidates: 2)) {
            try await Fixture.verifier(VerificationKeySet([first.verificationKey, second.verificationKey])).verify(token)
        }
        await #expect(throws: JOSERejection.noKeyForAlgorithm(.es256)) {
            try await Fixture.verifier(VerificationKeySet([rsa.verificationKey])).verify(token)
        }
        await #expect(throws: JOSERejection.unknownKeyID(first.keyID)) {
            try await Fixture.verifier(VerificationKeySet([second.verificationKey])).verify(try Fixture.idJAG(first))
        }
    }

    /// Signs the fixture claims under a hand-made header (for tokens without `kid` or `typ`).
    static func signWithoutKeyID(_ key: SigningKey, header: [String: JSONValue]) throws -> String {
        let input = Fixture.encoded(header) + "." + Fixture.encoded(Fixture.claims())
        return input + "." + Base64URL.encode(try key.signature(for: Array(input.utf8)))
    }
}

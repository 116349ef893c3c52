import Crypto
import CryptoExtras
import Foundation
import JWTKit
import Testing
import ZeroTouchCore
import ZeroTouchJOSE

/// Cross-checks with an independent implementation: tokens signed by jwt-kit verify here, and
/// tokens and JWKS made here verify in jwt-kit, for every algorithm.
@Suite("Interoperability with jwt-kit")
struct JWTKitInteropTests {
    struct Payload: JWTPayload, Equatable {
        var iss: String
        var sub: String
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static let payload = Payload(iss: Fixture.issuer.rawValue, sub: "alice")

    /// A jwt-kit collection holding `key`'s private half, and the same key as ours.
    static func keys(_ algorithm: JWSAlgorithm) async throws -> (JWTKeyCollection, SigningKey) {
        let collection = JWTKeyCollection()
        switch algorithm {
        case .es256:
            let raw = P256.Signing.PrivateKey()
            await collection.add(ecdsa: try ES256PrivateKey(backing: raw), kid: "k")
            return (collection, try SigningKey(pem: raw.pemRepresentation, algorithm: .es256, keyID: "k"))
        case .edDSA:
            let raw = Curve25519.Signing.PrivateKey()
            await collection.add(eddsa: EdDSA.PrivateKey(backing: raw), kid: "k")
            return (collection, try SigningKey(pem: raw.pemRepresentation, algorithm: .edDSA, keyID: "k"))
        case .rs256, .ps256:
            let raw = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let key = try Insecure.RSA.PrivateKey(backing: raw)
            if algorithm == .rs256 {
                await collection.add(rsa: key, digestAlgorithm: .sha256, kid: "k")
            } else {
                await collection.add(pss: key, digestAlgorithm: .sha256, kid: "k")
            }
            return (collection, try SigningKey(pem: raw.pkcs8PEMRepresentation, algorithm: algorithm, keyID: "k"))
        }
    }

    @Test("verifies tokens signed by jwt-kit", arguments: JWSAlgorithm.allCases)
    func verifiesJWTKitTokens(_ algorithm: JWSAlgorithm) async throws {
        let (collection, ours) = try await Self.keys(algorithm)
        var header = JWTHeader()
        header.typ = EnterpriseManagedAuthorization.idJAGType
        let token = try await collection.sign(Self.payload, kid: "k", header: header)
        let verified = try await Fixture.verifier(VerificationKeySet([ours.verificationKey])).verify(token)
        #expect(verified.algorithm == algorithm)
        #expect(try verified.claims.subject == "alice")
    }

    @Test("jwt-kit verifies our tokens with our published JWKS", arguments: JWSAlgorithm.allCases)
    func jwtKitVerifiesOurTokens(_ algorithm: JWSAlgorithm) async throws {
        let key = try SigningKey.generate(algorithm)
        let jwks = String(decoding: Fixture.jwksJSON([key]), as: UTF8.self)
        let collection = try await JWTKeyCollection().add(jwksJSON: jwks)
        let token = try key.sign(Self.payload, type: "JWT")
        let decoded = try await collection.verify(token, as: Payload.self)
        #expect(decoded == Self.payload)
    }
}

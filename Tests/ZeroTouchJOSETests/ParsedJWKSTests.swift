import CryptoExtras
import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE

@Suite("Reading another party's JWKS")
struct ParsedJWKSTests {
    static func parse(_ entries: [JSONValue]) throws -> ParsedJWKS {
        try #require(ParsedJWKS(json: JSONEncoder().encode(["keys": JSONValue.array(entries)])))
    }

    static func entry(_ jwk: JWK, _ change: (inout [String: JSONValue]) -> Void = { _ in }) throws -> JSONValue {
        var members = try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(jwk))
        change(&members)
        return .object(members)
    }

    @Test("reads every usable key type")
    func readsUsableKeys() throws {
        let keys = try JWSAlgorithm.allCases.map { try SigningKey.generate($0) }
        let parsed = try #require(ParsedJWKS(json: Fixture.jwksJSON(keys)))
        #expect(parsed.skipped.isEmpty)
        #expect(parsed.keys.map(\.keyID) == keys.map(\.keyID))
        #expect(parsed.keys.map(\.algorithm) == JWSAlgorithm.allCases)
    }

    @Test("skips keys it cannot use and keeps the rest")
    func skipsUnusableKeys() throws {
        let good = try SigningKey.generate()
        let ec = good.publicJWK
        let weakRSA = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024)).publicKey.getKeyPrimitives()
        let weak = JWK(keyType: "RSA", modulus: Base64URL.encode(weakRSA.modulus), exponent: Base64URL.encode(weakRSA.publicExponent), keyID: "weak")
        let entries: [JSONValue] = [
            .string("not an object"),
            try Self.entry(ec) { $0["kid"] = .string("oct"); $0["kty"] = .string("oct") },
            try Self.entry(ec) { $0["kid"] = .string("p384"); $0["crv"] = .string("P-384") },
            try Self.entry(ec) { $0["kid"] = .string("enc"); $0["use"] = .string("enc") },
            try Self.entry(ec) { $0["kid"] = .string("no-y"); $0.removeValue(forKey: "y") },
            try Self.entry(ec) { $0["kid"] = .string("padded"); $0["x"] = .string(ec.x! + "=") },
            try Self.entry(ec) { $0["kid"] = .string("short"); $0["x"] = .string("AAAA") },
            try Self.entry(ec) { $0["kid"] = .string("es384"); $0["alg"] = .string("ES384") },
            try Self.entry(ec) { $0["kid"] = .string("rs-on-ec"); $0["alg"] = .string("RS256") },
            try Self.entry(ec) { $0["kid"] = .string("numeric-x"); $0["x"] = .integer(1) },
            try Self.entry(ec) { $0["kid"] = .string("off-curve"); $0["y"] = .string(ec.x!) },
            try Self.entry(weak),
            try Self.entry(ec),
            try Self.entry(try SigningKey.generate(keyID: good.keyID).publicJWK),
        ]
        let parsed = try Self.parse(entries)
        #expect(parsed.keys.count == 1)
        #expect(parsed.keys.first?.jwk == ec)
        #expect(parsed.skipped.map(\.reason) == [
            .notAnObject, .unsupportedKeyType("oct"), .unsupportedCurve("P-384"), .notForSignatures(use: "enc"),
            .missingMember(name: "y"), .invalidBase64URL(member: "x"), .invalidBase64URL(member: "x"), .unsupportedAlgorithm("ES384"),
            .algorithmDoesNotFitKeyType(algorithm: .rs256, keyType: "EC"), .invalidMember(name: "x"), .invalidKeyMaterial,
            .invalidKeyMaterial, .duplicateKeyID(good.keyID),
        ])
        #expect(parsed.skipped.map(\.index) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13])
        #expect(parsed.skipped[1].keyID == "oct")
        #expect(parsed.skipped.allSatisfy { !$0.description.isEmpty })
    }

    @Test("refuses a document that is not a JWK Set", arguments: ["[]", "{}", "{\"keys\":{}}", "not json", "{\"keys\":\"a\"}"])
    func refusesNonSets(_ text: String) {
        #expect(ParsedJWKS(json: Data(text.utf8)) == nil)
    }

    @Test("accepts an empty set and a key without kid or alg")
    func acceptsMinimalKeys() throws {
        #expect(try Self.parse([]).keys.isEmpty)
        var jwk = try SigningKey.generate(.edDSA).publicJWK
        jwk.keyID = nil
        jwk.algorithm = nil
        jwk.use = nil
        let parsed = try Self.parse([try Self.entry(jwk)])
        #expect(parsed.keys.count == 1)
        #expect(parsed.keys[0].keyID == nil)
        #expect(parsed.keys[0].fits(.edDSA))
        #expect(!parsed.keys[0].fits(.es256))
    }
}

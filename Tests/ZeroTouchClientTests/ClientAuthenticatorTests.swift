import Foundation
import NIOHTTP1
import Testing
@testable import ZeroTouchClient
import ZeroTouchCore
import ZeroTouchJOSE

/// Client authentication on the wire (RFC 6749 §2.3.1, RFC 7523 §2.2, §3).
@Suite("Client authentication")
struct ClientAuthenticatorTests {
    @Test("client_secret_basic form-encodes both parts before base64")
    func basic() throws {
        let credential = TokenEndpointCredential(clientID: "a b:c", secret: SecretValue("p@ss/word"))
        let authenticator = try ClientAuthenticator(credential: credential, offered: nil, audience: "https://as", clock: ManualClock())
        var parameters: [(String, String)] = []
        var headers = HTTPHeaders()
        try authenticator.apply(to: &parameters, headers: &headers)
        let value = try #require(headers.first(name: "Authorization"))
        let decoded = String(decoding: try #require(Data(base64Encoded: String(value.dropFirst(6)))), as: UTF8.self)
        #expect(decoded == "a+b%3Ac:p%40ss%2Fword")
        #expect(parameters.isEmpty)
    }

    @Test("private_key_jwt sends a signed assertion for this server only, with a fresh jti and a short lifetime")
    func privateKeyJWT() async throws {
        let key = try SigningKey.generate(.es256)
        let clock = ManualClock()
        let credential = TokenEndpointCredential(clientID: "cli", signingKey: key)
        let authenticator = try ClientAuthenticator(credential: credential, offered: ["private_key_jwt"], audience: "https://as.example", clock: clock)
        var parameters: [(String, String)] = []
        var headers = HTTPHeaders()
        try authenticator.apply(to: &parameters, headers: &headers)
        let form = Dictionary(uniqueKeysWithValues: parameters)
        #expect(form["client_id"] == "cli")
        #expect(form["client_assertion_type"] == ClientAssertionType.jwtBearer.rawValue)
        let verifier = JWTVerifier(expectedType: .absentOr("JWT"), allowedAlgorithms: [.es256], keys: VerificationKeySet([key.verificationKey]))
        let claims = try await verifier.verify(try #require(form["client_assertion"])).claims
        #expect(try claims.issuer == "cli")
        #expect(try claims.subject == "cli")
        #expect(try claims.audience == ["https://as.example"])
        #expect(try claims.expiration == Date(timeIntervalSince1970: clock.now.timeIntervalSince1970.rounded(.down) + 60))
        #expect(try claims.jwtID != nil)
        #expect(headers.first(name: "Authorization") == nil)
    }

    @Test("client_secret_post and none put the client id in the body")
    func postAndNone() throws {
        for (credential, expected) in [
            (TokenEndpointCredential(clientID: "c", secret: SecretValue("s"), method: .clientSecretPost), ["client_id": "c", "client_secret": "s"]),
            (TokenEndpointCredential(clientID: "c"), ["client_id": "c"]),
        ] {
            var parameters: [(String, String)] = []
            var headers = HTTPHeaders()
            try ClientAuthenticator(credential: credential, offered: nil, audience: "https://as", clock: ManualClock()).apply(to: &parameters, headers: &headers)
            #expect(Dictionary(uniqueKeysWithValues: parameters) == expected)
        }
    }
}

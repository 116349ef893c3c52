import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting
@testable import ZeroTouchOAuth

/// One registered `private_key_jwt` client with a key generated for this run, and a valid
/// assertion that each test changes in one field.
private struct Fixture {
    let clock = ManualClock()
    let ledger = InMemoryReplayLedger()
    let key: SigningKey
    let registry: Registry
    let authenticator: ClientAuthenticator
    static let tokenEndpoint = "https://as.example/token"

    struct Registry: ClientCredentialsProvider {
        var clients: [ClientID: ClientCredentials]
        func credentials(for clientID: ClientID) async throws -> ClientCredentials? { clients[clientID] }
    }

    init() throws {
        key = try SigningKey.generate(.es256)
        let jwks = String(decoding: try JSONEncoder().encode(JWKSDocument(keys: [key.publicJWK])), as: UTF8.self)
        registry = Registry(clients: [
            "jwt-client": ClientCredentials(clientID: "jwt-client", method: .privateKeyJWT, jwks: jwks),
            "secret-client": ClientCredentials(clientID: "secret-client", method: .clientSecretBasic, secretHash: ClientSecret.hash("x"), jwks: jwks),
        ])
        let validator = PrivateKeyJWTValidator(
            audiences: ["https://as.example", Self.tokenEndpoint], replayLedger: ledger, clock: clock)
        authenticator = ClientAuthenticator(registry: registry, assertionValidator: validator)
    }

    var validClaims: [String: JSONValue] {
        let now = Int64(clock.now.timeIntervalSince1970)
        return [
            "iss": .string("jwt-client"), "sub": .string("jwt-client"), "aud": .string(Self.tokenEndpoint),
            "jti": .string(UUID().uuidString), "iat": .integer(now), "exp": .integer(now + 60),
        ]
    }

    func assertion(_ change: (inout [String: JSONValue]) -> Void = { _ in }, type: String = "JWT", signer: SigningKey? = nil) throws -> String {
        var claims = validClaims
        change(&claims)
        return try (signer ?? key).sign(claims, type: type)
    }

    func form(_ assertion: String, clientID: String? = nil) -> URLEncodedForm {
        var parameters = ["client_assertion_type": ClientAssertionType.jwtBearer.rawValue, "client_assertion": assertion]
        if let clientID { parameters["client_id"] = clientID }
        return URLEncodedForm(parameters)
    }

    func rejection(_ assertion: String, clientID: String? = nil) async -> ClientAuthenticationRejection? {
        do {
            _ = try await authenticator.authenticate(form: form(assertion, clientID: clientID), authorization: nil)
            return nil
        } catch let error as ClientAuthenticationError {
            return error.rejection
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }
}

private func isInvalidAssertion(_ rejection: ClientAuthenticationRejection?) -> Bool {
    if case .invalidAssertion = rejection { return true }
    return false
}

@Suite("private_key_jwt client authentication (RFC 7523 §2.2, §3)")
struct PrivateKeyJWTValidatorTests {
    @Test("a valid assertion authenticates the client, with or without client_id")
    func valid() async throws {
        let fixture = try Fixture()
        let client = try await fixture.authenticator.authenticate(form: fixture.form(try fixture.assertion(), clientID: "jwt-client"), authorization: nil)
        #expect(client.clientID == "jwt-client")
        #expect(client.method == .privateKeyJWT)
        _ = try await fixture.authenticator.authenticate(form: fixture.form(try fixture.assertion()), authorization: nil)
    }

    @Test("the issuer identifier is an accepted audience too, also inside an array")
    func issuerAudience() async throws {
        let fixture = try Fixture()
        let assertion = try fixture.assertion { $0["aud"] = .array([.string("https://as.example")]) }
        #expect(await fixture.rejection(assertion) == nil)
    }

    @Test("a second presentation of the same assertion is a replay")
    func replay() async throws {
        let fixture = try Fixture()
        let assertion = try fixture.assertion()
        #expect(await fixture.rejection(assertion) == nil)
        #expect(await fixture.rejection(assertion) == .replayedAssertion("jwt-client"))
    }

    @Test("an assertion for another audience is refused")
    func wrongAudience() async throws {
        let fixture = try Fixture()
        let rejection = await fixture.rejection(try fixture.assertion { $0["aud"] = .string("https://other.example/token") })
        #expect(rejection == .invalidAssertion("jwt-client", reason: "aud must be this server's issuer or token endpoint"))
    }

    @Test("iss and sub must both be the client id, and match client_id")
    func subjectRules() async throws {
        let fixture = try Fixture()
        #expect(isInvalidAssertion(await fixture.rejection(try fixture.assertion { $0["iss"] = .string("someone-else") })))
        #expect(isInvalidAssertion(await fixture.rejection(try fixture.assertion { $0["sub"] = nil })))
        #expect(await fixture.rejection(try fixture.assertion(), clientID: "secret-client") == .invalidAssertion("secret-client", reason: "sub does not match client_id"))
    }

    @Test("an expired assertion is refused, one within the leeway accepted")
    func expiry() async throws {
        let fixture = try Fixture()
        let assertion = try fixture.assertion()
        fixture.clock.advance(by: 60 + 59)
        #expect(await fixture.rejection(assertion) == nil)
        let late = try fixture.assertion { $0["exp"] = .integer(Int64(fixture.clock.now.timeIntervalSince1970) - 61) }
        #expect(isInvalidAssertion(await fixture.rejection(late)))
    }

    @Test("a long-lived assertion is refused")
    func lifetime() async throws {
        let fixture = try Fixture()
        let now = Int64(fixture.clock.now.timeIntervalSince1970)
        #expect(isInvalidAssertion(await fixture.rejection(try fixture.assertion { $0["exp"] = .integer(now + 3600) })))
        #expect(isInvalidAssertion(await fixture.rejection(try fixture.assertion { $0["exp"] = .integer(now + 3600); $0["iat"] = nil })))
    }

    @Test("exp and jti are required")
    func requiredClaims() async throws {
        let fixture = try Fixture()
        #expect(isInvalidAssertion(await fixture.rejection(try fixture.assertion { $0["exp"] = nil })))
        #expect(await fixture.rejection(try fixture.assertion { $0["jti"] = nil }) == .invalidAssertion("jwt-client", reason: "jti is required"))
    }

    @Test("an ID-JAG or an access token is not a client assertion")
    func explicitTypes() async throws {
        let fixture = try Fixture()
        #expect(await fixture.rejection(try fixture.assertion(type: "oauth-id-jag+jwt")) == .invalidAssertion(nil, reason: "typ is not a client assertion type"))
        #expect(isInvalidAssertion(await fixture.rejection(try fixture.assertion(type: "at+jwt"))))
        #expect(await fixture.rejection(try fixture.assertion(type: "client-authentication+jwt")) == nil)
    }

    @Test("an assertion signed by a key the client did not register is refused")
    func foreignKey() async throws {
        let fixture = try Fixture()
        let other = try SigningKey.generate(.es256, keyID: fixture.key.keyID)
        #expect(isInvalidAssertion(await fixture.rejection(try fixture.assertion(signer: other))))
    }

    @Test("garbage is refused without touching the registry")
    func garbage() async {
        let fixture = try! Fixture()
        #expect(isInvalidAssertion(await fixture.rejection("not-a-jwt")))
    }

    @Test("an unknown client and a client registered for another method are refused")
    func registration() async throws {
        let fixture = try Fixture()
        let unknown = try fixture.assertion { $0["iss"] = .string("nobody"); $0["sub"] = .string("nobody") }
        #expect(await fixture.rejection(unknown) == .unknownClient("nobody"))
        let secretClient = try fixture.assertion { $0["iss"] = .string("secret-client"); $0["sub"] = .string("secret-client") }
        #expect(await fixture.rejection(secretClient) == .methodNotAllowed("secret-client", registered: .clientSecretBasic, used: .privateKeyJWT))
    }
}

import Foundation
import Testing
import ZeroTouchCore
@testable import ZeroTouchOAuth

/// A fixed registry for the tests.
private struct Registry: ClientCredentialsProvider {
    var clients: [ClientID: ClientCredentials]
    func credentials(for clientID: ClientID) async throws -> ClientCredentials? { clients[clientID] }
}

private let secret = "s3cr3t:with+special/chars"
private let registry = Registry(clients: [
    "basic-client": ClientCredentials(clientID: "basic-client", method: .clientSecretBasic, secretHash: ClientSecret.hash(secret)),
    "post-client": ClientCredentials(clientID: "post-client", method: .clientSecretPost, secretHash: ClientSecret.hash(secret)),
    "a:b c": ClientCredentials(clientID: "a:b c", method: .clientSecretBasic, secretHash: ClientSecret.hash(secret)),
    "public-client": ClientCredentials(clientID: "public-client", method: .none),
    "disabled-client": ClientCredentials(clientID: "disabled-client", method: .clientSecretBasic, secretHash: ClientSecret.hash(secret), isDisabled: true),
    "jwt-client": ClientCredentials(clientID: "jwt-client", method: .privateKeyJWT, jwks: "{\"keys\":[]}"),
])
private let authenticator = ClientAuthenticator(registry: registry)

/// `Basic` header per RFC 6749 §2.3.1: each part form-encoded, then base64.
private func basic(_ id: String, _ secret: String) -> String {
    "Basic " + Data("\(URLEncodedForm.encode(id)):\(URLEncodedForm.encode(secret))".utf8).base64EncodedString()
}

private func rejection(form: [String: String] = [:], authorization: String? = nil) async -> ClientAuthenticationRejection? {
    do {
        _ = try await authenticator.authenticate(form: URLEncodedForm(form), authorization: authorization)
        return nil
    } catch let error as ClientAuthenticationError {
        return error.rejection
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Suite("Client authentication at token endpoints")
struct ClientAuthenticatorTests {
    @Test("client_secret_basic with form-encoded id and secret authenticates")
    func basicAuthenticates() async throws {
        let client = try await authenticator.authenticate(form: URLEncodedForm(), authorization: basic("a:b c", secret))
        #expect(client == AuthenticatedClient(clientID: "a:b c", method: .clientSecretBasic))
    }

    @Test("the Basic scheme name is case-insensitive")
    func basicSchemeCaseInsensitive() async throws {
        let header = basic("basic-client", secret).replacingOccurrences(of: "Basic", with: "bAsIc")
        let client = try await authenticator.authenticate(form: URLEncodedForm(), authorization: header)
        #expect(client.clientID == "basic-client")
    }

    @Test("client_secret_post authenticates")
    func postAuthenticates() async throws {
        let client = try await authenticator.authenticate(
            form: URLEncodedForm(["client_id": "post-client", "client_secret": secret]), authorization: nil)
        #expect(client == AuthenticatedClient(clientID: "post-client", method: .clientSecretPost))
    }

    @Test("a public client registered with method none is identified by client_id")
    func publicClient() async throws {
        let client = try await authenticator.authenticate(form: URLEncodedForm(["client_id": "public-client"]), authorization: nil)
        #expect(client.method == ClientAuthenticationMethod.none)
    }

    @Test("no credentials at all is invalid_client")
    func missing() async {
        let error = await rejection()
        #expect(error == .missingCredentials)
        #expect(error?.oauthError.code == .invalidClient)
        #expect(error?.oauthError.status == 401)
    }

    @Test("a confidential client that sends only client_id is refused")
    func confidentialWithoutSecret() async {
        #expect(await rejection(form: ["client_id": "basic-client"]) == .missingCredentials)
    }

    @Test("Basic plus client_secret in the body is two methods: invalid_request")
    func twoMethods() async {
        let error = await rejection(form: ["client_id": "basic-client", "client_secret": secret], authorization: basic("basic-client", secret))
        #expect(error == .multipleMethods)
        #expect(error?.oauthError.code == .invalidRequest)
        #expect(error?.oauthError.status == 400)
    }

    @Test("Basic plus a client assertion is two methods")
    func basicAndAssertion() async {
        let form = ["client_assertion_type": ClientAssertionType.jwtBearer.rawValue, "client_assertion": "x.y.z"]
        #expect(await rejection(form: form, authorization: basic("basic-client", secret)) == .multipleMethods)
    }

    @Test("a Bearer header at the token endpoint is refused with a Basic challenge")
    func otherScheme() async {
        let error = await rejection(authorization: "Bearer abc")
        #expect(error == .unsupportedScheme)
        #expect(error?.oauthError.challengeScheme == "Basic")
    }

    @Test("malformed Basic headers are refused", arguments: ["Basic", "Basic !!!notbase64", "Basic " + Data("no-colon".utf8).base64EncodedString(), "Basic " + Data(":secret".utf8).base64EncodedString(), "Basic " + Data("id%zz:secret".utf8).base64EncodedString()])
    func malformedBasic(header: String) async {
        let error = await rejection(authorization: header)
        #expect(error == .malformedBasicHeader)
        #expect(error?.oauthError.code == .invalidClient)
        #expect(error?.oauthError.challengeScheme == "Basic")
    }

    @Test("an unknown client and a wrong secret get the same answer")
    func unknownAndWrongSecretLookAlike() async {
        let unknown = await rejection(authorization: basic("nobody", secret))
        let wrong = await rejection(authorization: basic("basic-client", "wrong"))
        #expect(unknown == .unknownClient("nobody"))
        #expect(wrong == .wrongSecret("basic-client"))
        #expect(unknown?.oauthError == wrong?.oauthError)
    }

    @Test("a wrong secret sent with Basic gets a Basic challenge, one sent in the body does not")
    func challengeFollowsTheMethod() async throws {
        do {
            _ = try await authenticator.authenticate(form: URLEncodedForm(), authorization: basic("basic-client", "wrong"))
            Issue.record("authenticated with a wrong secret")
        } catch let error as ClientAuthenticationError {
            #expect(error.oauthError.status == 401)
            #expect(error.oauthError.challengeScheme == "Basic")
        }
        do {
            _ = try await authenticator.authenticate(form: URLEncodedForm(["client_id": "post-client", "client_secret": "wrong"]), authorization: nil)
            Issue.record("authenticated with a wrong secret")
        } catch let error as ClientAuthenticationError {
            #expect(error.oauthError.status == 401)
            #expect(error.oauthError.challengeScheme == nil)
        }
    }

    @Test("a client must use the method it is registered for")
    func methodMismatch() async {
        let error = await rejection(form: ["client_id": "basic-client", "client_secret": secret])
        #expect(error == .methodNotAllowed("basic-client", registered: .clientSecretBasic, used: .clientSecretPost))
        #expect(error?.oauthError.errorDescription == "client authentication failed")
    }

    @Test("a disabled client cannot authenticate")
    func disabledClient() async {
        #expect(await rejection(authorization: basic("disabled-client", secret)) == .disabled("disabled-client"))
    }

    @Test("client_id in the body must match the Basic client")
    func clientIDMismatch() async {
        #expect(await rejection(form: ["client_id": "post-client"], authorization: basic("basic-client", secret)) == .clientIDMismatch)
    }

    @Test("an unknown client_assertion_type is refused")
    func wrongAssertionType() async {
        #expect(await rejection(form: ["client_assertion_type": "urn:example", "client_assertion": "x"]) == .unsupportedAssertionType)
        #expect(await rejection(form: ["client_assertion": "x"]) == .unsupportedAssertionType)
    }

    @Test("private_key_jwt without a validator is refused")
    func assertionWithoutValidator() async {
        let form = ["client_id": "jwt-client", "client_assertion_type": ClientAssertionType.jwtBearer.rawValue, "client_assertion": "x.y.z"]
        let error = await rejection(form: form)
        #expect(error == .invalidAssertion("jwt-client", reason: "private_key_jwt is not enabled"))
    }

    @Test("descriptions and log lines never contain the secret")
    func noSecretInMessages() async {
        let error = await rejection(authorization: basic("basic-client", "wrong-secret-value"))
        #expect(error?.description.contains("wrong-secret-value") == false)
        #expect(error?.oauthError.errorDescription?.contains("wrong-secret-value") == false)
    }
}

@Suite("Client secrets")
struct ClientSecretTests {
    @Test("a generated secret has 256 bits and verifies against its hash")
    func roundTrip() {
        let secret = ClientSecret.generate()
        #expect(secret.count == 43)
        let hash = ClientSecret.hash(secret)
        #expect(ClientSecret.isHash(hash))
        #expect(ClientSecret.verify(secret, against: hash))
        #expect(!ClientSecret.verify(secret + "x", against: hash))
    }

    @Test("equal secrets get different hashes")
    func salted() {
        #expect(ClientSecret.hash("same") != ClientSecret.hash("same"))
    }

    @Test("a malformed stored hash never matches", arguments: ["", "plain-secret", "zt-hmac-sha256$abc", "zt-hmac-sha256$AAAA$BBBB", "other$AAAAAAAAAAAAAAAAAAAAAA$" + String(repeating: "A", count: 43)])
    func malformedHash(stored: String) {
        #expect(!ClientSecret.verify("plain-secret", against: stored))
    }
}

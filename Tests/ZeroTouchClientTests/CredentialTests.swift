import Testing
import ZeroTouchClient
import ZeroTouchCore
import ZeroTouchJOSE

/// Client authentication choices and secret hygiene.
@Suite("Client credentials")
struct CredentialTests {
    @Test("chooses the method from the server's metadata", arguments: [
        (["client_secret_basic"], true, false, ClientAuthenticationMethod.clientSecretBasic),
        (nil, true, false, .clientSecretBasic),
        (["client_secret_post"], true, false, .clientSecretPost),
        (["client_secret_basic", "private_key_jwt"], true, true, .privateKeyJWT),
        (["private_key_jwt"], false, false, .none),
    ] as [([String]?, Bool, Bool, ClientAuthenticationMethod)])
    func methodChoice(offered: [String]?, hasSecret: Bool, hasKey: Bool, expected: ClientAuthenticationMethod) throws {
        let credential = TokenEndpointCredential(
            clientID: "c", secret: hasSecret ? SecretValue("s") : nil, signingKey: hasKey ? try SigningKey.generate() : nil)
        #expect(credential.method(offered: offered) == expected)
    }

    @Test("offers nothing when the server only takes a method the credential cannot do")
    func noFit() {
        #expect(TokenEndpointCredential(clientID: "c", secret: SecretValue("s")).method(offered: ["private_key_jwt"]) == nil)
    }

    @Test("never shows a secret in a description")
    func redaction() {
        let secret = SecretValue("hunter2")
        #expect("\(secret)" == "<redacted>")
        #expect(!"\(TokenEndpointCredential(clientID: "c", secret: secret))".contains("hunter2"))
        #expect(!String(reflecting: secret).contains("hunter2"))
    }

    @Test("errors compare by code only and cut a peer's text")
    func errorEquality() {
        let long = String(repeating: "x", count: 500) + "\u{1B}[31m"
        let a = ZeroTouchClientError(.tokenExchangeFailed, "a", oauthError: OAuthErrorBody(error: "invalid_grant", errorDescription: long))
        let b = ZeroTouchClientError(.tokenExchangeFailed, "b")
        #expect(a == b)
        #expect(a != ZeroTouchClientError(.blockedByPolicy, "a"))
        #expect((a.oauthError?.errorDescription?.count ?? 0) <= 201)
        #expect(!a.description.contains("\u{1B}"))
    }
}

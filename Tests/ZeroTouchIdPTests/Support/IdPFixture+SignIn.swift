import Foundation
import ZeroTouchCore
import ZeroTouchOAuth
@testable import ZeroTouchIdP

/// Drives the sign-in flow without HTTP.
extension IdPFixture {
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

    /// A checked authorization request of `client` (code flow, PKCE S256 of `verifier`).
    func authorizationRequest(client: String = "cli", redirectURI: String = IdPFixture.cliRedirect, extra: [String: String] = [:]) throws
        -> AuthorizationRequest
    {
        var query = [
            "response_type": "code", "client_id": client, "redirect_uri": redirectURI, "scope": "openid profile email", "state": "st-1",
            "nonce": "n-1", "code_challenge": PKCE.challenge(for: Self.verifier), "code_challenge_method": "S256",
        ]
        for (name, value) in extra { query[name] = value }
        return try AuthorizationRequest(query: URLEncodedForm(query), in: registry.snapshot)
    }

    /// Starts a sign-in and returns it with its browser secret.
    func beginSignIn(client: String = "cli", redirectURI: String = IdPFixture.cliRedirect) async throws -> (PendingSignIn, String) {
        let outcome = try await provider.signIn.authorize(
            try authorizationRequest(client: client, redirectURI: redirectURI), sessionToken: nil, browserSecret: nil)
        guard case .signIn(let pending, let secret?) = outcome else { throw FixtureError.unexpected("\(outcome)") }
        return (pending, secret.value)
    }

    func submission(_ pending: PendingSignIn, secret: String?, address: String? = "192.0.2.1", csrf: String? = nil) -> SignInSubmission {
        SignInSubmission(pendingID: pending.id, csrfToken: csrf ?? pending.csrfToken, browserSecret: secret, address: address)
    }

    /// Signs `username` in through the form and returns the redirect location and the session.
    func signIn(_ username: String = "alice", client: String = "cli", redirectURI: String = IdPFixture.cliRedirect) async throws -> (location: String, session: OpaqueToken) {
        let (pending, secret) = try await beginSignIn(client: client, redirectURI: redirectURI)
        let step = try await provider.signIn.submitPassword(submission(pending, secret: secret), username: username, password: Self.password)
        guard case .completed(let location, let session) = step else { throw FixtureError.unexpected("\(step)") }
        return (location, session)
    }

    /// The value of query parameter `name` in `location`.
    static func parameter(_ name: String, in location: String) -> String? {
        URLComponents(string: location)?.queryItems?.first { $0.name == name }?.value
    }

    /// A token request form for `code`.
    func codeForm(_ code: String, redirectURI: String = IdPFixture.cliRedirect, verifier: String = IdPFixture.verifier) -> URLEncodedForm {
        URLEncodedForm(["grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI, "code_verifier": verifier])
    }

    /// Signs alice in and redeems the code.
    func tokensForAlice() async throws -> OIDCTokenResponse {
        let (location, _) = try await signIn()
        let code = try Self.require(Self.parameter("code", in: location))
        return try await provider.tokens.redeemCode(codeForm(code), for: Self.authenticated("cli"))
    }

    static func require<T>(_ value: T?) throws -> T {
        guard let value else { throw FixtureError.unexpected("nil") }
        return value
    }

    enum FixtureError: Error { case unexpected(String) }
}

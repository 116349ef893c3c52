import Foundation
import ZeroTouchCore

/// One OpenID Connect authentication request (OpenID Connect Core §3.1.2.1, RFC 6749 §4.1.1) with
/// fresh `state` (RFC 6749 §10.12), `nonce` (§3.1.2.1) and PKCE S256 (RFC 7636 §4.3), and the
/// checks of its response (RFC 6749 §4.1.2, RFC 9207 §2.4).
struct AuthorizationRequest: Sendable {
    let authorizationEndpoint: String
    let clientID: ClientID
    let redirectURI: String
    let scope: Scope
    let state = RandomValue.make()
    let nonce = RandomValue.make()
    let pkce = PKCE()

    /// The URL to open: the endpoint with the request parameters added to any query it has.
    var url: URL? {
        guard var components = URLComponents(string: authorizationEndpoint) else { return nil }
        let parameters: [(String, String)] = [
            ("response_type", "code"), ("client_id", clientID.rawValue), ("redirect_uri", redirectURI), ("scope", scope.description),
            ("state", state), ("nonce", nonce), ("code_challenge", pkce.challenge), ("code_challenge_method", PKCE.method),
        ]
        // Spaces as %20 rather than `+`: both form decoders and plain RFC 3986 decoders read that right.
        let encode = { (text: String) in URLEncodedForm.encode(text).replacingOccurrences(of: "+", with: "%20") }
        let added = parameters.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        let existing = components.percentEncodedQuery.flatMap { $0.isEmpty ? nil : $0 }
        components.percentEncodedQuery = existing.map { $0 + "&" + added } ?? added
        return components.url
    }

    /// The authorization code of `redirect`, after checking `state` first, then `iss`, then `error`.
    /// - Throws: `ZeroTouchClientError.stateMismatch`, `.issuerMismatch`, `.loginFailed`.
    func code(from redirect: URLEncodedForm, issuer: Issuer, issuerParameterRequired: Bool) throws(ZeroTouchClientError) -> String {
        guard let returned = redirect.value("state"), RandomValue.constantTimeEquals(returned, state) else {
            throw ZeroTouchClientError(
                .stateMismatch, "the sign-in redirect does not carry this login's state; it was ignored",
                nextStep: "Run `zerotouch login` again; if this repeats, another page may be trying to sign you in")
        }
        if let returnedIssuer = redirect.value("iss") {
            guard returnedIssuer == issuer.rawValue else {
                throw ZeroTouchClientError(.issuerMismatch, "the sign-in redirect comes from another issuer (RFC 9207)", url: issuer.rawValue)
            }
        } else if issuerParameterRequired {
            throw ZeroTouchClientError(.issuerMismatch, "the sign-in redirect lacks the iss parameter the IdP promises (RFC 9207)", url: issuer.rawValue)
        }
        if let error = redirect.value("error") {
            throw ZeroTouchClientError(
                .loginFailed, "the IdP ended the sign-in", nextStep: "Run `zerotouch login` again",
                oauthError: OAuthErrorBody(error: error, errorDescription: redirect.value("error_description")))
        }
        guard let code = redirect.value("code") else {
            throw ZeroTouchClientError(.loginFailed, "the sign-in redirect carries no authorization code")
        }
        return code
    }
}

public import ZeroTouchCore

/// Where an authorization response goes: a redirect URI already accepted for the client, and the
/// request's `state` (RFC 6749 §4.1.2). Only `AuthorizationRequest` makes one, after the URI was
/// checked, so a response can never be sent to an unregistered URI (no open redirect).
public struct AuthorizationRedirect: Sendable, Equatable, Codable {
    /// The accepted redirect URI, exactly as the client sent it.
    public let redirectURI: String
    /// The client's `state`, returned unchanged.
    public let state: String?

    init(redirectURI: String, state: String?) {
        self.redirectURI = redirectURI
        self.state = state
    }

    /// The redirect URI with `parameters`, then `state` and `iss` (RFC 9207 §2), added to its query
    /// (RFC 6749 §4.1.2: "the authorization server … MUST retain the query component").
    public func location(with parameters: [(String, String)], issuer: Issuer) -> String {
        var pairs = parameters
        if let state { pairs.append(("state", state)) }
        pairs.append(("iss", issuer.rawValue))
        let query = pairs.map { URLEncodedForm.encode($0.0) + "=" + URLEncodedForm.encode($0.1) }.joined(separator: "&")
        let separator = redirectURI.contains("?") ? (redirectURI.hasSuffix("?") || redirectURI.hasSuffix("&") ? "" : "&") : "?"
        return redirectURI + separator + query
    }

    /// The error response (RFC 6749 §4.1.2.1) for `code` with `description`.
    public func errorLocation(_ code: OAuthErrorCode, description: String, issuer: Issuer) -> String {
        location(with: [("error", code.rawValue), ("error_description", description)], issuer: issuer)
    }
}

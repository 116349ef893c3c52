/// A typed rejection that knows its RFC 6749 §5.2 wire form.
///
/// Pipelines throw their own `…Rejection` enums so tests can assert the exact case; the HTTP layer
/// renders any error conforming to this protocol as the OAuth JSON error, and logs `description`
/// (which must never contain a token or a secret).
public protocol OAuthErrorConvertible: Error, CustomStringConvertible {
    /// The wire error: code, safe description, status and challenge.
    var oauthError: OAuthErrorResponse { get }
}

extension OAuthErrorResponse: OAuthErrorConvertible {
    public var oauthError: OAuthErrorResponse { self }
}

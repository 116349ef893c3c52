public import ZeroTouchCore

/// A failed client authentication as the token endpoint answers it: the rejection plus whether
/// the client used the `Authorization` header, in which case the 401 carries
/// `WWW-Authenticate: Basic` (RFC 6749 §5.2).
public struct ClientAuthenticationError: OAuthErrorConvertible, Equatable, Sendable {
    /// Why authentication failed.
    public let rejection: ClientAuthenticationRejection
    /// Whether the request carried an `Authorization` header.
    public let usedAuthorizationHeader: Bool

    public init(_ rejection: ClientAuthenticationRejection, usedAuthorizationHeader: Bool) {
        self.rejection = rejection
        self.usedAuthorizationHeader = usedAuthorizationHeader
    }

    public var oauthError: OAuthErrorResponse {
        var error = rejection.oauthError
        if usedAuthorizationHeader && error.status == 401 { error.challengeScheme = "Basic" }
        return error
    }

    public var description: String { rejection.description }
}

public import ZeroTouchCore

/// The admin API's answer to a refused change, rendered by `ZeroTouchServer` as JSON
/// `{"error":…,"error_description":…}`: 400 `invalid_request`, 404 `not_found`, 409 `conflict`.
extension ASRegistryError: OAuthErrorConvertible {
    /// The JSON error the admin API answers with.
    public var oauthError: OAuthErrorResponse {
        switch self {
        case .invalid: OAuthErrorResponse(.invalidRequest, description: description)
        case .notFound: OAuthErrorResponse(OAuthErrorCode(rawValue: "not_found"), description: description, status: 404)
        case .alreadyExists, .conflict: OAuthErrorResponse(OAuthErrorCode(rawValue: "conflict"), description: description, status: 409)
        }
    }
}

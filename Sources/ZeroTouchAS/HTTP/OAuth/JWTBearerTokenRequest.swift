import ZeroTouchCore

/// The parameters of a token request for the RFC 7523 jwt-bearer grant (RFC 7523 §2.1, RFC 7521
/// §4.1), read from the form before the client is authenticated.
struct JWTBearerTokenRequest: Sendable {
    /// The ID-JAG.
    let assertion: String
    /// The requested scope, if any (RFC 6749 §3.3).
    let scope: Scope?
    /// The requested resource, if any (RFC 8707 §2).
    let resource: ResourceIdentifier?

    /// Reads the parameters.
    /// - Throws: `OAuthErrorResponse`: `invalid_request` without `grant_type` or `assertion` (a
    ///   repeated parameter is refused by the form parser), `unsupported_grant_type` for any grant
    ///   but jwt-bearer, `invalid_scope` for a malformed `scope`.
    init(_ form: URLEncodedForm) throws(OAuthErrorResponse) {
        let grantType = try form.require("grant_type")
        guard grantType == GrantType.jwtBearer.rawValue else {
            throw OAuthErrorResponse(
                .unsupportedGrantType, description: "this authorization server supports only \(GrantType.jwtBearer.rawValue)")
        }
        assertion = try form.require("assertion")
        scope = try form.value("scope").map { value throws(OAuthErrorResponse) in try Scope(parsing: value) }
        resource = form.value("resource").map(ResourceIdentifier.init)
    }
}

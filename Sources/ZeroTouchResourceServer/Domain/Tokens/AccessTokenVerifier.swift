/// Turns a presented bearer token into a verified identity, or refuses it (RFC 6750 §3.1,
/// RFC 9068 §4, MCP "Token Handling").
///
/// Two implementations: `JWTAccessTokenVerifier` (RFC 9068 JWTs checked against the authorization
/// server's cached JWKS) and `IntrospectionAccessTokenVerifier` (RFC 7662, for opaque tokens).
/// Neither treats a token as single-use: access tokens are re-used until they expire
/// (decisions.md "Replay on the resource server").
public protocol AccessTokenVerifier: Sendable {
    /// Verifies `token` for this resource.
    /// - Throws: `AccessTokenRejection`, for the first check that fails.
    func verify(_ token: BearerToken) async throws(AccessTokenRejection) -> VerifiedAccessToken
}

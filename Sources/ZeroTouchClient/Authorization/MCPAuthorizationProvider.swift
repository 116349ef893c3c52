/// What the Streamable HTTP transport asks for access tokens (MCP 2025-11-25 "Authorization Flow
/// Steps", "Step-Up Authorization Flow"). `EnterpriseAuthorizer` is the implementation.
public protocol MCPAuthorizationProvider: Sendable {
    /// The token to send with the next request to `endpoint`, or `nil` before the server is known.
    func currentToken(for endpoint: String) async throws(ZeroTouchClientError) -> AccessToken?

    /// A new token after `endpoint` answered 401, with the server's `Bearer` challenge if it sent one.
    func tokenAfterUnauthorized(for endpoint: String, challenge: BearerChallenge?, rejected: AccessToken?) async throws(ZeroTouchClientError) -> AccessToken

    /// A token with a wider scope after `endpoint` answered 403 `insufficient_scope`.
    func tokenAfterInsufficientScope(for endpoint: String, challenge: BearerChallenge, rejected: AccessToken?) async throws(ZeroTouchClientError) -> AccessToken
}

extension EnterpriseAuthorizer: MCPAuthorizationProvider {}

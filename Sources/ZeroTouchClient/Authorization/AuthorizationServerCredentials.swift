public import ZeroTouchCore

/// This client's credentials at MCP authorization servers, keyed by issuer identifier: a
/// credential is only ever sent to the server whose issuer it is registered under, and there is
/// no fallback credential (MCP 2026-07-28 "Authorization Server Binding", checklist C-37).
public struct AuthorizationServerCredentials: Sendable {
    private var byIssuer: [Issuer: TokenEndpointCredential]

    /// Creates the set.
    public init(_ byIssuer: [Issuer: TokenEndpointCredential] = [:]) { self.byIssuer = byIssuer }

    /// The credential registered for `issuer` (compared exactly, RFC 8414 §2).
    public subscript(issuer: Issuer) -> TokenEndpointCredential? {
        get { byIssuer[issuer] }
        set { byIssuer[issuer] = newValue }
    }

    /// The issuers with a credential.
    public var issuers: [Issuer] { byIssuer.keys.sorted() }
}

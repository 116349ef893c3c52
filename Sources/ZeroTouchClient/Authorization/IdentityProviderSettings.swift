public import ZeroTouchCore

/// The enterprise IdP this client exchanges the user's ID token at (checklist C-5: configured, not
/// discovered from the MCP server).
public struct IdentityProviderSettings: Sendable {
    /// The IdP's issuer identifier (OpenID Connect Core §2 `iss`).
    public var issuer: Issuer
    /// Its token endpoint; `nil` reads it from the IdP's metadata (RFC 8414, then OpenID Connect Discovery).
    public var tokenEndpoint: String?
    /// This client's credential at the IdP (C-18).
    public var credential: TokenEndpointCredential

    /// Creates the settings.
    public init(issuer: Issuer, tokenEndpoint: String? = nil, credential: TokenEndpointCredential) {
        self.issuer = issuer
        self.tokenEndpoint = tokenEndpoint
        self.credential = credential
    }
}

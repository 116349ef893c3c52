public import ZeroTouchCore

/// The parameters of an RFC 8693 token exchange that asks the IdP for an ID-JAG (ID-JAG §4.3,
/// EMA-S §4; checklist C-9 … C-16).
public struct IDJAGRequest: Sendable {
    /// The Identity Assertion: the user's ID token (`subject_token`).
    public var subjectToken: SecretValue
    /// `subject_token_type`; an ID token unless the IdP accepts another kind (ID-JAG §4.3).
    public var subjectTokenType: TokenType
    /// `audience`: the issuer identifier of the MCP server's authorization server (EMA-S §4, C-11).
    public var audience: Issuer
    /// `resource`: the PRM `resource`, sent verbatim (EMA-S §4, decisions X-3).
    public var resource: ResourceIdentifier
    /// `scope`, when one was selected (C-13).
    public var scope: Scope?

    /// Creates a request.
    public init(subjectToken: SecretValue, subjectTokenType: TokenType = .idToken, audience: Issuer, resource: ResourceIdentifier, scope: Scope? = nil) {
        self.subjectToken = subjectToken
        self.subjectTokenType = subjectTokenType
        self.audience = audience
        self.resource = resource
        self.scope = scope
    }
}

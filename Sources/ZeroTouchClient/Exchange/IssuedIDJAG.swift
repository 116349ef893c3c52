public import ZeroTouchCore

/// An ID-JAG the IdP issued (ID-JAG §4.3.4). It is redeemed once, at once, and never stored or
/// re-presented (decisions X-2); the client does not read it.
public struct IssuedIDJAG: Sendable {
    /// The ID-JAG itself (`access_token` of the token-exchange response).
    public var assertion: SecretValue
    /// The granted scope when the IdP said it (it may be narrower than requested, ID-JAG §4.3.3).
    public var scope: Scope?
    /// `expires_in`, when sent (not required: the conformance IdP omits it).
    public var expiresIn: Int?

    /// Creates an issued ID-JAG.
    public init(assertion: SecretValue, scope: Scope? = nil, expiresIn: Int? = nil) {
        self.assertion = assertion
        self.scope = scope
        self.expiresIn = expiresIn
    }
}

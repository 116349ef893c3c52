public import ZeroTouchCore

/// Who a stateful MCP session belongs to: the issuer, user and client of the token that created
/// it. A request for the session with another user's or client's token is answered as if the
/// session did not exist (MCP "Session Hijacking": bind sessions to user-specific information).
public struct MCPSessionOwner: Sendable, Hashable {
    /// `iss`.
    public let issuer: Issuer
    /// `sub`.
    public let subject: Subject
    /// `client_id`.
    public let clientID: ClientID

    /// The owner for requests made with `identity`.
    public init(_ identity: VerifiedAccessToken) {
        self.issuer = identity.issuer
        self.subject = identity.subject
        self.clientID = identity.clientID
    }
}

public import Foundation
public import ZeroTouchCore

/// The identity behind a verified access token: who acts (user), through which client, with
/// which scopes, under which token (RFC 9068 §2.2, RFC 7662 §2.2).
///
/// Only the verifiers of this package make one (the initializer is `package`), so a handler that
/// receives a `VerifiedAccessToken` knows the token passed every check: signature or
/// introspection, `typ`, `iss`, `aud` = this resource, and time.
public struct VerifiedAccessToken: Sendable, Hashable, CustomStringConvertible {
    /// `iss`: the authorization server that issued the token.
    public let issuer: Issuer
    /// `sub`: the user, as the authorization server knows them.
    public let subject: Subject
    /// `client_id`: the MCP client acting for the user (RFC 9068 §2.2, RFC 8693 §4.3).
    public let clientID: ClientID
    /// `scope`: what the token grants (RFC 9068 §2.2.3); empty when absent.
    public let scope: Scope
    /// `jti`: the token's identifier, used as the correlation id in audit records. RFC 9068
    /// requires it; an introspection response may omit it.
    public let jti: JTI?
    /// `aud`: this resource.
    public let audience: ResourceIdentifier
    /// `exp`.
    public let expiresAt: Date
    /// `iat`, when given.
    public let issuedAt: Date?
    /// `idjag_iss`: the IdP whose ID-JAG the token was redeemed for (ZeroTouch private claim).
    public let idJAGIssuer: Issuer?
    /// `idjag_jti`: that ID-JAG's `jti`, leading back to the IdP's decision (ZeroTouch private claim).
    public let idJAGJTI: JTI?

    /// Creates the identity; only verifiers call this, after every check passed.
    package init(
        issuer: Issuer, subject: Subject, clientID: ClientID, scope: Scope, jti: JTI?, audience: ResourceIdentifier,
        expiresAt: Date, issuedAt: Date?, idJAGIssuer: Issuer? = nil, idJAGJTI: JTI? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.clientID = clientID
        self.scope = scope
        self.jti = jti
        self.audience = audience
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.idJAGIssuer = idJAGIssuer
        self.idJAGJTI = idJAGJTI
    }

    /// Whether the token grants every token of `required` (RFC 6750 §3.1 `insufficient_scope`).
    public func grants(_ required: Scope) -> Bool { required.isSubset(of: scope) }

    /// The log line: identifiers only (`sub`, `client_id`, `jti`), never the token.
    public var description: String {
        "sub=\(subject) client_id=\(clientID) jti=\(jti?.rawValue ?? "-") scope=\(scope)"
    }
}

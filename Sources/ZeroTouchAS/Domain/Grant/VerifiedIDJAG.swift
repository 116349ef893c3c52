public import Foundation
public import ZeroTouchCore

/// An ID-JAG that passed every check of `IDJAGVerifier`, its `jti` recorded (ID-JAG §4.4.1,
/// RFC 7523 §3): what the access token is minted from.
///
/// Only the verifier makes one (the initializer is `package`), so holding a `VerifiedIDJAG`
/// proves the checks ran, as swift-certificates' `ValidatedCertificateChain` does.
public struct VerifiedIDJAG: Sendable, Equatable {
    /// The IdP that issued the ID-JAG (`iss`).
    public let issuer: Issuer
    /// The IdP's subject (`sub`).
    public let subject: Subject
    /// The IdP tenant (`tenant`), when present.
    public let tenant: String?
    /// The authenticated client, equal to the ID-JAG's `client_id`.
    public let clientID: ClientID
    /// The ID-JAG's `jti`, used as the access token's correlation id.
    public let jti: JTI
    /// The ID-JAG's `iat`.
    public let issuedAt: Date
    /// The ID-JAG's `exp`.
    public let expiresAt: Date
    /// The resource the access token is audience-restricted to (EMA-S §5.1).
    public let resource: ProtectedResource
    /// The scope to grant (decisions X-5).
    public let scope: Scope
    /// The local user the subject maps to.
    public let user: LocalUser
    /// The `kid` of the IdP key that verified the signature.
    public let keyID: KeyID?

    /// Made only by `IDJAGVerifier` once every check passed and the `jti` is recorded.
    package init(
        issuer: Issuer, subject: Subject, tenant: String?, clientID: ClientID, jti: JTI, issuedAt: Date, expiresAt: Date,
        resource: ProtectedResource, scope: Scope, user: LocalUser, keyID: KeyID?
    ) {
        self.issuer = issuer
        self.subject = subject
        self.tenant = tenant
        self.clientID = clientID
        self.jti = jti
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.resource = resource
        self.scope = scope
        self.user = user
        self.keyID = keyID
    }
}

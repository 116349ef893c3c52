/// The `DocumentStore` collections holding the authorization server's configuration.
public enum ASCollection: String, CaseIterable, Sendable {
    /// `TrustedIssuer` documents keyed by issuer.
    case trustedIssuers = "as.trusted_issuers"
    /// `RegisteredClient` documents keyed by client id.
    case clients = "as.clients"
    /// `ProtectedResource` documents keyed by resource identifier.
    case resources = "as.resources"
    /// `LocalUser` documents keyed by local id.
    case users = "as.users"
    /// `IdentityLink` documents keyed by `LinkedIdentity.key`; their unique ids make each IdP subject
    /// linkable to one local user only, even when two replicas provision at once.
    case identities = "as.identities"
    /// `RevokedToken` documents keyed by access-token `jti`.
    case revocations = "as.revocations"
    /// `AdminToken` documents keyed by token id.
    case adminTokens = "as.admin_tokens"
}

/// The document that reserves an IdP subject for one local user.
struct IdentityLink: Codable, Sendable, Equatable {
    var userID: LocalUserID
    var identity: LinkedIdentity
}

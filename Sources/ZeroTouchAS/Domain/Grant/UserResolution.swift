/// Who an ID-JAG's subject is here (ID-JAG §3.1): an existing local user, or one to create just in
/// time once the assertion has passed every check, including the `jti` insert.
public enum UserResolution: Sendable, Equatable {
    /// The subject is linked to this enabled local user.
    case linked(LocalUser)
    /// The subject is unknown and its issuer provisions users on first use.
    case provisionOnFirstUse(LinkedIdentity)
}

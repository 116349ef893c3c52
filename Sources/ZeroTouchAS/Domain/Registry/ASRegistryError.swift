/// Why an administrative change to the authorization server's registry was refused.
///
/// These are answers to an administrator, never to an OAuth client, so they may name what is
/// configured. Operational failures of the underlying store are thrown as they are.
public enum ASRegistryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value failed validation; the text names the field.
    case invalid(String)
    /// The named entry does not exist.
    case notFound(String)
    /// An entry with that key already exists.
    case alreadyExists(String)
    /// The change conflicts with another entry (an identity linked to another user, a resource in use).
    case conflict(String)

    /// A message for the administrator.
    public var description: String {
        switch self {
        case .invalid(let text): "invalid: \(text)"
        case .notFound(let what): "\(what) not found"
        case .alreadyExists(let what): "\(what) already exists"
        case .conflict(let text): "conflict: \(text)"
        }
    }
}

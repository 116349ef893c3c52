/// The kinds of things the admin operations manage.
public enum AdminEntity: String, Sendable, Equatable, CaseIterable {
    case user, group, membership, client, server, rule
    case adminToken = "admin token"
}

/// An admin operation the caller can correct (issue 3, item 9). Operational failures of the store
/// are thrown as they are and become a 500.
public enum IdPAdminError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `entity` with this id.
    case notFound(AdminEntity, id: String)
    /// The change contradicts existing data: a taken name, an existing membership, a rule still naming the entity.
    case conflict(AdminEntity, message: String)
    /// An input field is missing, too long or malformed.
    case invalidInput(field: String, message: String)

    /// The HTTP status the admin API answers with.
    public var httpStatus: Int {
        switch self {
        case .notFound: 404
        case .conflict: 409
        case .invalidInput: 400
        }
    }

    /// A message safe to show the admin: names fields and ids, never a password or secret.
    public var description: String {
        switch self {
        case .notFound(let entity, let id): "no \(entity.rawValue) with id '\(id)'"
        case .conflict(_, let message): message
        case .invalidInput(let field, let message): "\(field): \(message)"
        }
    }
}

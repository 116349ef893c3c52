public import Foundation

/// A named set of users that policy rules can target (issue 3, item 2).
public struct Group: Codable, Sendable, Equatable, Identifiable {
    public var id: GroupID
    /// Unique without regard to case; 1–200 printable characters.
    public var name: String
    public var description: String
    public var createdAt: Date

    public init(id: GroupID, name: String, description: String = "", createdAt: Date) {
        self.id = id
        self.name = name
        self.description = description
        self.createdAt = createdAt
    }

    /// The key that makes group names unique: the name in lowercase.
    public var nameKey: String { name.lowercased() }
}

/// One user's membership of one group. Stored as its own document so that adding a member to a
/// large group rewrites nothing else.
public struct GroupMembership: Codable, Sendable, Hashable {
    public var groupID: GroupID
    public var userID: UserID

    public init(groupID: GroupID, userID: UserID) {
        self.groupID = groupID
        self.userID = userID
    }

    /// The document id: unique per (group, user) pair, so a second insert is a conflict.
    var documentID: String { "\(groupID.rawValue)/\(userID.rawValue)" }

    /// The membership a document id names.
    init?(documentID: String) {
        let parts = documentID.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        self.init(groupID: GroupID(String(parts[0])), userID: UserID(String(parts[1])))
    }
}

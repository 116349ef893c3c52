import ZeroTouchCore

extension IdPRegistry {
    /// Creates a group. Group names are unique without regard to case.
    /// - Throws: `IdPAdminError` (`invalidInput`, `conflict`); store errors.
    @discardableResult
    public func createGroup(name: String, description: String = "", by actor: String) async throws -> Group {
        try AdminValidation.actor(actor)
        try Self.validateGroup(name: name, description: description)
        let group = Group(id: .generate(), name: name, description: description, createdAt: timestamp)
        let changes = [try DocumentCoding.insert(group, in: IdPCollection.groups, id: group.id.rawValue), try nameKey(of: group)]
        try await commit(changes, audit: adminRecord("group.create", actor: actor, details: ["group_id": group.id.rawValue, "name": name]))
        return group
    }

    /// Renames a group or changes its description.
    /// - Throws: `IdPAdminError`; store errors.
    @discardableResult
    public func updateGroup(_ id: GroupID, name: String, description: String, by actor: String) async throws -> Group {
        try AdminValidation.actor(actor)
        try Self.validateGroup(name: name, description: description)
        var group = try existingGroup(id)
        let previousKey = group.nameKey
        group.name = name
        group.description = description
        var changes = [try DocumentCoding.put(group, in: IdPCollection.groups, id: id.rawValue)]
        if previousKey != group.nameKey {
            changes.append(.delete(collection: IdPCollection.groupNameKeys, id: IdPCollection.keyID(previousKey)))
            changes.append(try nameKey(of: group))
        }
        try await commit(changes, audit: adminRecord("group.update", actor: actor, details: ["group_id": id.rawValue, "name": name]))
        return group
    }

    /// Deletes a group and its memberships.
    /// - Throws: `IdPAdminError` (`notFound`; `conflict` while a policy rule names the group); store errors.
    public func deleteGroup(_ id: GroupID, by actor: String) async throws {
        try AdminValidation.actor(actor)
        let snapshot = snapshot
        let group = try existingGroup(id)
        try refuseWhileReferenced(.group, id: id.rawValue) { $0.subjects.groups.contains(id) }
        var changes: [DocumentChange] = [
            .delete(collection: IdPCollection.groups, id: id.rawValue),
            .delete(collection: IdPCollection.groupNameKeys, id: IdPCollection.keyID(group.nameKey)),
        ]
        for user in snapshot.memberIDs(of: id) {
            changes.append(.delete(collection: IdPCollection.memberships, id: GroupMembership(groupID: id, userID: user).documentID))
        }
        try await commit(changes, audit: adminRecord("group.delete", actor: actor, details: ["group_id": id.rawValue, "name": group.name]))
    }

    /// Adds `user` to `group`.
    /// - Throws: `IdPAdminError` (`notFound`; `conflict` when already a member); store errors.
    public func addMember(_ user: UserID, to group: GroupID, by actor: String) async throws {
        try AdminValidation.actor(actor)
        _ = try existingUser(user)
        _ = try existingGroup(group)
        let membership = GroupMembership(groupID: group, userID: user)
        let changes = [try DocumentCoding.insert(membership, in: IdPCollection.memberships, id: membership.documentID)]
        try await commit(changes, audit: adminRecord("group.add_member", actor: actor, subject: user, details: ["group_id": group.rawValue]))
    }

    /// Removes `user` from `group`.
    /// - Throws: `IdPAdminError.notFound` when the user is not a member; store errors.
    public func removeMember(_ user: UserID, from group: GroupID, by actor: String) async throws {
        try AdminValidation.actor(actor)
        let membership = GroupMembership(groupID: group, userID: user)
        guard snapshot.state.memberships.contains(membership) else { throw IdPAdminError.notFound(.membership, id: membership.documentID) }
        let changes: [DocumentChange] = [.delete(collection: IdPCollection.memberships, id: membership.documentID)]
        try await commit(
            changes, audit: adminRecord("group.remove_member", actor: actor, subject: user, details: ["group_id": group.rawValue]))
    }

    func existingGroup(_ id: GroupID) throws(IdPAdminError) -> Group {
        guard let group = snapshot.group(id) else { throw .notFound(.group, id: id.rawValue) }
        return group
    }

    private static func validateGroup(name: String, description: String) throws(IdPAdminError) {
        try AdminValidation.name(name, field: "name")
        try AdminValidation.text(description, field: "description")
    }

    private func nameKey(of group: Group) throws -> DocumentChange {
        try DocumentCoding.insert(UniqueKeyOwner(owner: group.id.rawValue), in: IdPCollection.groupNameKeys, id: IdPCollection.keyID(group.nameKey))
    }
}

import ZeroTouchCore

extension IdPRegistry {
    /// Creates an active user with a random opaque id and the bcrypt hash of `password`.
    /// - Throws: `IdPAdminError` (`invalidInput`, `conflict` when the username is taken in any case); store errors.
    @discardableResult
    public func createUser(_ details: UserDetails, password: String, by actor: String) async throws -> User {
        try AdminValidation.actor(actor)
        try details.validate()
        let passwordHash = try hashPassword(password)
        let user = User(
            id: .generate(), username: details.username, email: details.email, displayName: details.displayName,
            passwordHash: passwordHash, createdAt: timestamp)
        let changes = [
            try DocumentCoding.insert(user, in: IdPCollection.users, id: user.id.rawValue),
            try usernameKey(of: user),
        ]
        try await commit(changes, audit: adminRecord("user.create", actor: actor, subject: user.id, details: ["username": user.username]))
        return user
    }

    /// Replaces a user's username, e-mail and display name. A new username must be free in any case.
    /// - Throws: `IdPAdminError`; store errors.
    @discardableResult
    public func updateUser(_ id: UserID, to details: UserDetails, by actor: String) async throws -> User {
        try AdminValidation.actor(actor)
        try details.validate()
        var user = try existingUser(id)
        let previous = user
        user.username = details.username
        user.email = details.email
        user.displayName = details.displayName
        var changes = [try DocumentCoding.put(user, in: IdPCollection.users, id: id.rawValue)]
        if previous.usernameKey != user.usernameKey {
            changes.append(.delete(collection: IdPCollection.usernameKeys, id: IdPCollection.keyID(previous.usernameKey)))
            changes.append(try usernameKey(of: user))
        }
        try await commit(changes, audit: adminRecord("user.update", actor: actor, subject: id, details: ["username": user.username]))
        return user
    }

    /// Suspends a user: sign-in and every token exchange for them fail from the next snapshot on.
    /// - Throws: `IdPAdminError.notFound`; store errors.
    public func suspendUser(_ id: UserID, by actor: String) async throws {
        try await changeUser(id, event: "user.suspend", by: actor) { $0.status = .suspended }
    }

    /// Lets a suspended user sign in again.
    /// - Throws: `IdPAdminError.notFound`; store errors.
    public func reactivateUser(_ id: UserID, by actor: String) async throws {
        try await changeUser(id, event: "user.reactivate", by: actor) { $0.status = .active }
    }

    /// Replaces a user's password. The audit record says that it changed, never what it is.
    /// - Throws: `IdPAdminError` (`invalidInput` for an unusable password); store errors.
    public func resetPassword(of id: UserID, to password: String, by actor: String) async throws {
        let passwordHash = try hashPassword(password)
        try await changeUser(id, event: "user.reset_password", by: actor) { $0.passwordHash = passwordHash }
    }

    /// Gives a user a new TOTP secret (RFC 6238), replacing any previous one.
    /// - Returns: the secret and its provisioning URI, to show once. The audit record holds neither.
    /// - Throws: `IdPAdminError.notFound`; store errors.
    public func enrollSecondFactor(for id: UserID, issuerName: String = "ZeroTouch", by actor: String) async throws -> TOTPEnrollment {
        let secret = TOTP.generateSecret()
        let user = try await changeUser(id, event: "user.enroll_totp", by: actor) { $0.totpSecret = secret }
        totpSteps.forget(id)
        return TOTPEnrollment(
            secret: secret, provisioningURI: TOTP.provisioningURI(base32Secret: secret, account: user.username, issuer: issuerName))
    }

    /// Removes a user's TOTP secret.
    /// - Throws: `IdPAdminError.notFound`; store errors.
    public func removeSecondFactor(for id: UserID, by actor: String) async throws {
        try await changeUser(id, event: "user.remove_totp", by: actor) { $0.totpSecret = nil }
        totpSteps.forget(id)
    }

    /// Deletes a user with their memberships and frees their username.
    /// - Throws: `IdPAdminError` (`notFound`; `conflict` while a policy rule names the user); store errors.
    public func deleteUser(_ id: UserID, by actor: String) async throws {
        try AdminValidation.actor(actor)
        let snapshot = snapshot
        let user = try existingUser(id)
        try refuseWhileReferenced(.user, id: id.rawValue) { $0.subjects.users.contains(id) }
        var changes: [DocumentChange] = [
            .delete(collection: IdPCollection.users, id: id.rawValue),
            .delete(collection: IdPCollection.usernameKeys, id: IdPCollection.keyID(user.usernameKey)),
        ]
        for group in snapshot.groupIDs(of: id) {
            changes.append(.delete(collection: IdPCollection.memberships, id: GroupMembership(groupID: group, userID: id).documentID))
        }
        try await commit(changes, audit: adminRecord("user.delete", actor: actor, subject: id, details: ["username": user.username]))
    }

    @discardableResult
    private func changeUser(_ id: UserID, event: String, by actor: String, _ change: (inout User) -> Void) async throws -> User {
        try AdminValidation.actor(actor)
        var user = try existingUser(id)
        change(&user)
        let changes = [try DocumentCoding.put(user, in: IdPCollection.users, id: id.rawValue)]
        try await commit(changes, audit: adminRecord(event, actor: actor, subject: id, details: ["username": user.username]))
        return user
    }

    func existingUser(_ id: UserID) throws(IdPAdminError) -> User {
        guard let user = snapshot.user(id) else { throw .notFound(.user, id: id.rawValue) }
        return user
    }

    private func hashPassword(_ password: String) throws(IdPAdminError) -> String {
        do {
            return try passwordHasher.hash(password)
        } catch {
            throw .invalidInput(field: "password", message: error.description)
        }
    }

    private func usernameKey(of user: User) throws -> DocumentChange {
        try DocumentCoding.insert(
            UniqueKeyOwner(owner: user.id.rawValue), in: IdPCollection.usernameKeys, id: IdPCollection.keyID(user.usernameKey))
    }

    /// Refuses to delete an entity that a policy rule still names, listing up to five such rules.
    func refuseWhileReferenced(_ entity: AdminEntity, id: String, _ references: (PolicyRule) -> Bool) throws(IdPAdminError) {
        let rules = snapshot.ruleIDs(referencing: references)
        guard rules.isEmpty else {
            let listed = rules.prefix(5).map(\.rawValue).joined(separator: ", ")
            throw .conflict(entity, message: "policy rules still name this \(entity.rawValue): \(listed)\(rules.count > 5 ? ", …" : "")")
        }
    }
}

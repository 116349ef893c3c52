import ZeroTouchCore

/// Administration of local users and their links to IdP subjects (ID-JAG §3.1, §6.1), and
/// just-in-time provisioning. Each IdP subject is reserved by an `IdentityLink` document inserted in
/// the same transaction, so it can never end up linked to two users.
extension ASRegistry {
    /// Creates a local user.
    /// - Parameters:
    ///   - id: the local id (the access tokens' `sub`); a random one when `nil`.
    ///   - identities: IdP subjects to link now.
    ///   - actor: who made the change.
    /// - Returns: the new user.
    /// - Throws: `ASRegistryError.invalid`, `.alreadyExists` (the id, or an identity already linked),
    ///   or an operational error.
    @discardableResult
    public func createUser(id: LocalUserID? = nil, identities: [LinkedIdentity] = [], actor: String) async throws -> LocalUser {
        let user = LocalUser(id: id ?? .generate(), identities: identities, createdAt: clock.now)
        try await insert(user, event: "admin.user.create", actor: actor)
        return user
    }

    /// Creates the local user of an IdP subject seen for the first time, for an issuer trusted with
    /// `createOnFirstUse`. Idempotent: when another request (or replica) linked the subject first,
    /// that user is returned.
    /// - Throws: an operational error.
    public func provisionUser(for identity: LinkedIdentity) async throws -> LocalUser {
        if let existing = snapshot.user(linkedTo: identity) { return existing }
        let user = LocalUser(id: .generate(), identities: [identity], createdAt: clock.now, isProvisioned: true)
        do {
            try await insert(user, event: "user.provision", actor: nil)
            return user
        } catch ASRegistryError.alreadyExists {
            try await reload()
            guard let existing = snapshot.user(linkedTo: identity) else { throw ASRegistryError.conflict("identity \(identity) is reserved") }
            return existing
        }
    }

    /// Links an IdP subject to an existing user.
    /// - Throws: `ASRegistryError.notFound`, `.alreadyExists` when the subject is linked already, or an operational error.
    public func linkIdentity(_ identity: LinkedIdentity, to id: LocalUserID, actor: String) async throws {
        guard var user = snapshot.users[id] else { throw ASRegistryError.notFound("user \(id)") }
        try Self.validate(identity)
        guard snapshot.usersByIdentity[identity] == nil else { throw ASRegistryError.alreadyExists("identity \(identity)") }
        user.identities.append(identity)
        try await commit(
            [
                DocumentCoding.insert(IdentityLink(userID: id, identity: identity), in: ASCollection.identities.rawValue, id: identity.key),
                DocumentCoding.put(user, in: ASCollection.users.rawValue, id: id.rawValue),
            ],
            audit: auditRecord("admin.user.link", actor: actor, subject: id.rawValue, details: Self.details(identity)))
    }

    /// Unlinks an IdP subject from a user.
    /// - Throws: `ASRegistryError.notFound`, or an operational error.
    public func unlinkIdentity(_ identity: LinkedIdentity, from id: LocalUserID, actor: String) async throws {
        guard var user = snapshot.users[id], user.identities.contains(identity) else {
            throw ASRegistryError.notFound("identity \(identity) of user \(id)")
        }
        user.identities.removeAll { $0 == identity }
        try await commit(
            [
                .delete(collection: ASCollection.identities.rawValue, id: identity.key),
                DocumentCoding.put(user, in: ASCollection.users.rawValue, id: id.rawValue),
            ],
            audit: auditRecord("admin.user.unlink", actor: actor, subject: id.rawValue, details: Self.details(identity)))
    }

    /// Enables or disables a user: a disabled user gets no new tokens and their tokens introspect as inactive.
    /// - Throws: `ASRegistryError.notFound`, or an operational error.
    public func setUserDisabled(_ id: LocalUserID, _ disabled: Bool, actor: String) async throws {
        guard var user = snapshot.users[id] else { throw ASRegistryError.notFound("user \(id)") }
        user.isDisabled = disabled
        try await commit(
            [DocumentCoding.put(user, in: ASCollection.users.rawValue, id: id.rawValue)],
            audit: auditRecord(disabled ? "admin.user.disable" : "admin.user.enable", actor: actor, subject: id.rawValue))
    }

    /// Deletes a user and frees their IdP subjects.
    /// - Throws: `ASRegistryError.notFound`, or an operational error.
    public func removeUser(_ id: LocalUserID, actor: String) async throws {
        guard let user = snapshot.users[id] else { throw ASRegistryError.notFound("user \(id)") }
        let unlinks = user.identities.map { DocumentChange.delete(collection: ASCollection.identities.rawValue, id: $0.key) }
        try await commit(
            unlinks + [.delete(collection: ASCollection.users.rawValue, id: id.rawValue)],
            audit: auditRecord("admin.user.delete", actor: actor, subject: id.rawValue))
    }

    private func insert(_ user: LocalUser, event: String, actor: String?) async throws {
        guard user.id.isWellFormed else { throw ASRegistryError.invalid("user id must be 1–255 printable ASCII characters without spaces") }
        guard Set(user.identities).count == user.identities.count else { throw ASRegistryError.invalid("an identity is listed twice") }
        for identity in user.identities {
            try Self.validate(identity)
            if snapshot.usersByIdentity[identity] != nil { throw ASRegistryError.alreadyExists("identity \(identity)") }
        }
        var changes = try user.identities.map {
            try DocumentCoding.insert(IdentityLink(userID: user.id, identity: $0), in: ASCollection.identities.rawValue, id: $0.key)
        }
        changes.append(try DocumentCoding.insert(user, in: ASCollection.users.rawValue, id: user.id.rawValue))
        let details = user.identities.first.map(Self.details) ?? [:]
        try await commit(changes, audit: auditRecord(event, actor: actor, subject: user.id.rawValue, details: details))
    }

    private static func validate(_ identity: LinkedIdentity) throws(ASRegistryError) {
        guard !identity.subject.rawValue.isEmpty, identity.subject.rawValue.utf8.count <= 255 else {
            throw .invalid("an IdP subject must be 1–255 bytes")
        }
        guard !identity.issuer.rawValue.isEmpty else { throw .invalid("an identity needs an issuer") }
    }

    private static func details(_ identity: LinkedIdentity) -> [String: String] {
        var details = ["issuer": identity.issuer.rawValue, "idp_sub": identity.subject.rawValue]
        if let tenant = identity.tenant { details["tenant"] = tenant }
        return details
    }
}

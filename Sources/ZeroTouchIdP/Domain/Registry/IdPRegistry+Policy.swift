import ZeroTouchCore

extension IdPRegistry {
    /// Adds a policy rule. Its `createdAt` is set to now; pass `PolicyRuleID.generate()` as its id.
    /// - Throws: `IdPAdminError` (`invalidInput`, `notFound` for a named entity, `conflict` for a taken id); store errors.
    @discardableResult
    public func createRule(_ rule: PolicyRule, by actor: String) async throws -> PolicyRule {
        try AdminValidation.actor(actor)
        var rule = rule
        rule.createdAt = timestamp
        try rule.validate(in: snapshot)
        let changes = [try DocumentCoding.insert(rule, in: IdPCollection.rules, id: rule.id.rawValue)]
        try await commit(changes, audit: record("policy.create", rule, actor: actor))
        return rule
    }

    /// Replaces a policy rule; `createdAt` is kept.
    /// - Throws: `IdPAdminError`; store errors.
    @discardableResult
    public func updateRule(_ rule: PolicyRule, by actor: String) async throws -> PolicyRule {
        try AdminValidation.actor(actor)
        guard let existing = snapshot.rule(rule.id) else { throw IdPAdminError.notFound(.rule, id: rule.id.rawValue) }
        var rule = rule
        rule.createdAt = existing.createdAt
        try rule.validate(in: snapshot)
        let changes = [try DocumentCoding.put(rule, in: IdPCollection.rules, id: rule.id.rawValue)]
        try await commit(changes, audit: record("policy.update", rule, actor: actor))
        return rule
    }

    /// Deletes a policy rule.
    /// - Throws: `IdPAdminError.notFound`; store errors.
    public func deleteRule(_ id: PolicyRuleID, by actor: String) async throws {
        try AdminValidation.actor(actor)
        guard let rule = snapshot.rule(id) else { throw IdPAdminError.notFound(.rule, id: id.rawValue) }
        let changes: [DocumentChange] = [.delete(collection: IdPCollection.rules, id: id.rawValue)]
        try await commit(changes, audit: record("policy.delete", rule, actor: actor))
    }

    private func record(_ event: String, _ rule: PolicyRule, actor: String) -> AuditRecord {
        adminRecord(event, actor: actor, details: ["rule_id": rule.id.rawValue, "name": rule.name, "effect": rule.effect.rawValue])
    }
}

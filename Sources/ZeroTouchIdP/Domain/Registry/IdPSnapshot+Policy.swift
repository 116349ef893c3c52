public import Foundation
public import ZeroTouchCore

extension IdPSnapshot {
    /// Decides a token-exchange request (checklist I-9, I-11, I-14, I-15, I-16; decisions X-5).
    ///
    /// **Preconditions**, checked first, in order: the user exists and is active; the client exists, is
    /// not disabled and is confidential (a public client may not exchange tokens); the server is in the
    /// catalog; the client has a `client_id` at the server's authorization server (ID-JAG §5).
    ///
    /// **Rules considered**: those listing the user, one of the user's groups, or everyone, *and*
    /// listing the server or any server. A rule also lists clients (or any client): when the request's
    /// client is not listed, the rule does not match. An allow rule whose conditions fail (a second
    /// factor is required and `amr` lacks `otp`; `auth_time` is older than the maximum age) does not
    /// match either. Deny rules have no conditions. There are no priorities.
    ///
    /// **Combination** (scopes are always taken within the server's defined scopes):
    /// 1. A matching deny rule without scopes refuses the request: `deniedByRules`. Deny wins.
    /// 2. *wanted* = the requested scope, or every server scope when nothing is requested. Requested
    ///    tokens the server does not define are dropped.
    /// 3. *allowed* = the union of the scopes of matching allow rules (a rule without scopes allows every
    ///    server scope); *denied* = the union of the scopes of matching deny rules with scopes.
    /// 4. *granted* = wanted ∩ allowed − denied.
    /// 5. When a scope was explicitly requested that only allow rules with failed conditions would grant
    ///    (and no deny rule takes away), the answer is `stepUpRequired` rather than a narrower grant.
    /// 6. A non-empty *granted* is a grant (possibly narrower than requested: ID-JAG §4.3.3).
    /// 7. Otherwise, in order: `stepUpRequired` when rules with failed conditions would grant a wanted
    ///    scope; `deniedByRules` when deny rules took away every wanted scope that was allowed;
    ///    `noMatchingAllowRule` (the default deny) when no allow rule allowed any scope;
    ///    else `scopesNotAllowed`.
    ///
    /// A server that defines no scopes is all-or-nothing: only allow rules without scopes cover it,
    /// the grant has an empty scope, and requesting any scope gets `scopesNotAllowed`.
    ///
    /// Cost: O(user's groups + rules filed under the user, their groups and everyone for this server
    /// or any server), independent of the total number of rules.
    public func decide(_ request: PolicyRequest) -> PolicyDecision {
        evaluate(request, explaining: false).decision
    }

    /// Decides `request` as `decide(_:)` does and lists every rule considered with its outcome
    /// (issue 3, item 5). Slower than `decide`: for the admin API, not the token endpoint.
    public func explain(_ request: PolicyRequest) -> PolicyExplanation {
        let result = evaluate(request, explaining: true)
        return PolicyExplanation(decision: result.decision, evaluations: result.evaluations)
    }

    /// The catalog entries `user` may reach through `client` with their current sign-in, with the scope
    /// policy allows when nothing is requested (issue 3, item 7). O(servers × rules per server).
    public func availableServers(user: UserID, client: ClientID, authentication: AuthenticationContext, now: Date) -> [AvailableServer] {
        servers.compactMap { server in
            let request = PolicyRequest(user: user, client: client, server: server.id, authentication: authentication, now: now)
            guard case .allow(let grant) = decide(request) else { return nil }
            return AvailableServer(server: server, scope: grant.scope)
        }
    }

    private func evaluate(_ request: PolicyRequest, explaining: Bool) -> (decision: PolicyDecision, evaluations: [PolicyRuleEvaluation]) {
        if let rejection = unmetPrecondition(for: request) { return (.deny(rejection), []) }
        guard let server = compiledServers[request.server] else { return (.deny(.unknownServer(request.server)), []) }
        var evaluation = PolicyEvaluation(server: server, request: request, explaining: explaining)
        if let rules = policy.byUser[request.user] { evaluation.consider(rules, via: .user) }
        for group in groupIDsByUser[request.user] ?? [] {
            if let rules = policy.byGroup[group] { evaluation.consider(rules, via: .group(group)) }
        }
        evaluation.consider(policy.everyone, via: .everyone)
        return (evaluation.decision(), evaluation.evaluations ?? [])
    }

    private func unmetPrecondition(for request: PolicyRequest) -> PolicyRejection? {
        guard let user = state.users[request.user] else { return .unknownUser(request.user) }
        guard user.isActive else { return .userSuspended(user.id) }
        guard let client = state.clients[request.client] else { return .unknownClient(request.client) }
        guard !client.isDisabled else { return .clientDisabled(client.id) }
        guard client.isConfidential else { return .publicClient(client.id) }
        guard state.servers[request.server] != nil else { return .unknownServer(request.server) }
        guard client.clientID(at: request.server) != nil else { return .clientNotRegisteredAtServer(client.id, request.server) }
        return nil
    }
}

/// An MCP server a user may reach, with the scope policy allows them there.
public struct AvailableServer: Sendable, Equatable {
    public var server: MCPServer
    public var scope: Scope
}

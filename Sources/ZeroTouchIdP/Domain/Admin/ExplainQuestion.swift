public import Foundation
public import ZeroTouchCore

/// An admin's "what if" for policy (issue 3, item 5): may this user, through this client, reach this MCP
/// server with these scopes, having signed in this way?
public struct ExplainQuestion: Codable, Sendable, Equatable {
    /// A user id or username.
    public var user: String
    public var client: ClientID
    /// An MCP server id or its resource identifier.
    public var server: String
    /// The requested scope; empty or absent asks for everything allowed.
    public var scope: String?
    /// The sign-in methods (`amr`); `["pwd"]` when absent.
    public var methods: [String]?
    /// How long ago the user signed in, in seconds; 0 when absent.
    public var authenticationAge: Int?

    public init(user: String, client: ClientID, server: String, scope: String? = nil, methods: [String]? = nil, authenticationAge: Int? = nil) {
        self.user = user
        self.client = client
        self.server = server
        self.scope = scope
        self.methods = methods
        self.authenticationAge = authenticationAge
    }
}

extension IdPSnapshot {
    /// Resolves `question` and explains the decision.
    /// - Throws: `IdPAdminError.notFound` for an unknown user or server, `.invalidInput` for a bad scope.
    public func explain(_ question: ExplainQuestion, now: Date) throws(IdPAdminError) -> PolicyExplanation {
        guard question.user.utf8.count <= 255, let user = user(UserID(question.user)) ?? user(username: question.user) else {
            throw .notFound(.user, id: String(question.user.prefix(100)))
        }
        guard question.server.utf8.count <= MCPServer.maximumURILength,
            let server = server(MCPServerID(question.server)) ?? server(resource: ResourceIdentifier(question.server))
        else { throw .notFound(.server, id: String(question.server.prefix(100))) }
        guard let scope = try? Scope(parsing: question.scope ?? "") else { throw .invalidInput(field: "scope", message: "is not an RFC 6749 §3.3 scope") }
        let age = TimeInterval(max(0, question.authenticationAge ?? 0))
        let authentication = AuthenticationContext(
            methods: Set(question.methods ?? [AuthenticationMethod.password]), authenticatedAt: now.addingTimeInterval(-age))
        return explain(
            PolicyRequest(user: user.id, client: question.client, server: server.id, requestedScope: scope, authentication: authentication, now: now))
    }
}

/// A `PolicyExplanation` as JSON for the admin API and CLI.
public struct ExplanationView: Codable, Sendable, Equatable {
    /// `allow` or `deny`.
    public var decision: String
    /// The granted scope, for a grant.
    public var scope: String?
    /// The rejection's reason code and the error the token exchange would answer.
    public var reason: String?
    public var error: String?
    public var decidingRules: [PolicyRuleID]
    public var evaluations: [Evaluation]

    /// One considered rule.
    public struct Evaluation: Codable, Sendable, Equatable {
        public var rule: PolicyRuleID
        public var name: String
        public var effect: PolicyEffect
        public var reachedUser: String
        public var matched: Bool
        public var outcome: String
    }

    public init(_ explanation: PolicyExplanation) {
        switch explanation.decision {
        case .allow(let grant):
            decision = "allow"
            scope = grant.scope.description
        case .deny(let rejection):
            decision = "deny"
            reason = rejection.reasonCode
            error = rejection.errorCode.rawValue
        }
        decidingRules = explanation.decidingRuleIDs
        evaluations = explanation.evaluations.map {
            Evaluation(
                rule: $0.ruleID, name: $0.ruleName, effect: $0.effect, reachedUser: $0.subjectMatch.description, matched: $0.matched,
                outcome: $0.outcome.description)
        }
    }
}

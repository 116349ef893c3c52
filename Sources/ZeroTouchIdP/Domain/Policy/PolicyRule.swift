public import Foundation
public import ZeroTouchCore

/// Whether a rule grants or takes away.
public enum PolicyEffect: String, Codable, Sendable, CaseIterable {
    case allow
    case deny
}

/// Whom a rule applies to: everyone, or listed users and groups (a user matches through any group they belong to).
public struct PolicySubjects: Codable, Sendable, Equatable {
    /// Every user in the directory. When `true`, `users` and `groups` are empty.
    public var everyone: Bool
    public var users: [UserID]
    public var groups: [GroupID]

    public init(everyone: Bool = false, users: [UserID] = [], groups: [GroupID] = []) {
        self.everyone = everyone
        self.users = users
        self.groups = groups
    }

    /// Every user.
    public static let everyone = PolicySubjects(everyone: true)
    /// The listed users.
    public static func users(_ users: UserID...) -> PolicySubjects { PolicySubjects(users: users) }
    /// The members of the listed groups.
    public static func groups(_ groups: GroupID...) -> PolicySubjects { PolicySubjects(groups: groups) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        everyone = try container.decodeIfPresent(Bool.self, forKey: .everyone) ?? false
        users = try container.decodeIfPresent([UserID].self, forKey: .users) ?? []
        groups = try container.decodeIfPresent([GroupID].self, forKey: .groups) ?? []
    }
}

/// What the user's sign-in must satisfy for an allow rule to match (ID-JAG §8.2, checklist I-15, I-16).
public struct PolicyConditions: Codable, Sendable, Equatable {
    /// The sign-in used a one-time code: `amr` contains `otp` (RFC 8176 §2).
    public var requiresSecondFactor: Bool
    /// The sign-in (`auth_time`) is at most this many seconds old.
    public var maximumAuthenticationAge: Int?

    public init(requiresSecondFactor: Bool = false, maximumAuthenticationAge: Int? = nil) {
        self.requiresSecondFactor = requiresSecondFactor
        self.maximumAuthenticationAge = maximumAuthenticationAge
    }

    /// No condition.
    public static let none = PolicyConditions()
    /// Whether there is no condition at all.
    public var isEmpty: Bool { !requiresSecondFactor && maximumAuthenticationAge == nil }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requiresSecondFactor = try container.decodeIfPresent(Bool.self, forKey: .requiresSecondFactor) ?? false
        maximumAuthenticationAge = try container.decodeIfPresent(Int.self, forKey: .maximumAuthenticationAge)
    }
}

/// One administrator-defined policy rule (checklist I-9, I-15; issue 3, item 5). How rules combine is
/// described on `IdPSnapshot.decide(_:)`.
public struct PolicyRule: Codable, Sendable, Equatable, Identifiable {
    public var id: PolicyRuleID
    /// What the rule is for, shown in explanations; 1–200 characters.
    public var name: String
    public var effect: PolicyEffect
    public var subjects: PolicySubjects
    /// The clients the rule applies to; `nil` for any client.
    public var clients: [ClientID]?
    /// The MCP servers the rule applies to; `nil` for any server.
    public var servers: [MCPServerID]?
    /// For an allow rule, the scopes it allows; for a deny rule, the scopes it takes away.
    /// `nil` means every scope of the server (so a deny rule with `nil` denies the request outright).
    public var scopes: Scope?
    /// Conditions on the sign-in. Only allow rules may have them.
    public var conditions: PolicyConditions
    public var createdAt: Date

    public init(
        id: PolicyRuleID, name: String, effect: PolicyEffect, subjects: PolicySubjects, clients: [ClientID]? = nil,
        servers: [MCPServerID]? = nil, scopes: Scope? = nil, conditions: PolicyConditions = .none, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.effect = effect
        self.subjects = subjects
        self.clients = clients
        self.servers = servers
        self.scopes = scopes
        self.conditions = conditions
        self.createdAt = createdAt
    }
}

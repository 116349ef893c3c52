public import ZeroTouchCore

/// Why policy refuses a token exchange (checklist §4.1; decisions: a policy denial is `access_denied`,
/// never `invalid_grant`, so a client can tell an admin's decision from a broken token).
public enum PolicyRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such user (deleted since the ID token was issued).
    case unknownUser(UserID)
    /// The user is suspended: every exchange for them fails at once.
    case userSuspended(UserID)
    /// No such client.
    case unknownClient(ClientID)
    /// The client is disabled.
    case clientDisabled(ClientID)
    /// A public client (`none`): it may sign users in, never exchange tokens (checklist I-4).
    case publicClient(ClientID)
    /// No such MCP server in the catalog.
    case unknownServer(MCPServerID)
    /// The client has no `client_id` at the server's authorization server, so no ID-JAG can name it (ID-JAG §5).
    case clientNotRegisteredAtServer(ClientID, MCPServerID)
    /// No allow rule matched: the default is deny.
    case noMatchingAllowRule
    /// Deny rules refused the request outright, or took away every scope that would have been granted.
    case deniedByRules([PolicyRuleID])
    /// Rules allow this user some scopes at this server, but none of those requested.
    case scopesNotAllowed(requested: Scope)
    /// Rules whose sign-in conditions failed would grant what was asked: sign in again (ID-JAG §8.2).
    case stepUpRequired(StepUpRequirement)

    /// The OAuth error code for the token-exchange response (RFC 6749 §5.2, checklist §4.1).
    public var errorCode: OAuthErrorCode {
        switch self {
        case .unknownUser, .userSuspended: .invalidGrant
        case .unknownClient, .clientDisabled: .invalidClient
        case .publicClient: .unauthorizedClient
        case .unknownServer, .clientNotRegisteredAtServer: .invalidTarget
        case .noMatchingAllowRule, .deniedByRules: .accessDenied
        case .scopesNotAllowed: .invalidScope
        case .stepUpRequired: .insufficientUserAuthentication
        }
    }

    /// A message a client may show its user: no rule ids, no configuration.
    public var errorDescription: String {
        switch self {
        case .unknownUser, .userSuspended: "the user is not active"
        case .unknownClient, .clientDisabled: "the client is not registered or is disabled"
        case .publicClient: "a public client may not use token exchange"
        case .unknownServer: "the MCP server is not in this organization's catalog"
        case .clientNotRegisteredAtServer: "this client is not registered at the MCP server's authorization server"
        case .noMatchingAllowRule, .deniedByRules: "blocked by your organization's policy"
        case .scopesNotAllowed: "none of the requested scopes is allowed by your organization's policy"
        case .stepUpRequired(let requirement):
            requirement.requiresSecondFactor
                ? "your organization's policy requires you to sign in again with a second factor"
                : "your organization's policy requires a more recent sign-in"
        }
    }

    /// A stable code for the audit record's `reason`.
    public var reasonCode: String {
        switch self {
        case .unknownUser: "unknown_user"
        case .userSuspended: "user_suspended"
        case .unknownClient: "unknown_client"
        case .clientDisabled: "client_disabled"
        case .publicClient: "public_client"
        case .unknownServer: "unknown_server"
        case .clientNotRegisteredAtServer: "client_not_registered_at_server"
        case .noMatchingAllowRule: "no_matching_allow_rule"
        case .deniedByRules: "denied_by_rule"
        case .scopesNotAllowed: "scopes_not_allowed"
        case .stepUpRequired: "step_up_required"
        }
    }

    /// The rules behind the rejection (empty for the default deny and the preconditions).
    public var ruleIDs: [PolicyRuleID] {
        switch self {
        case .deniedByRules(let ids): ids
        case .stepUpRequired(let requirement): requirement.ruleIDs
        case .unknownUser, .userSuspended, .unknownClient, .clientDisabled, .publicClient, .unknownServer,
            .clientNotRegisteredAtServer, .noMatchingAllowRule, .scopesNotAllowed:
            []
        }
    }

    /// The log line: the reason with identifiers, never a token.
    public var description: String {
        switch self {
        case .unknownUser(let id), .userSuspended(let id): "\(reasonCode) (user \(id))"
        case .unknownClient(let id), .clientDisabled(let id), .publicClient(let id): "\(reasonCode) (client \(id))"
        case .unknownServer(let id): "\(reasonCode) (server \(id))"
        case .clientNotRegisteredAtServer(let client, let server): "\(reasonCode) (client \(client), server \(server))"
        case .noMatchingAllowRule: reasonCode
        case .deniedByRules(let ids): "\(reasonCode) (rules \(ids.map(\.rawValue).joined(separator: ",")))"
        case .scopesNotAllowed(let requested): "\(reasonCode) (requested \(requested))"
        case .stepUpRequired(let r):
            "\(reasonCode) (second factor: \(r.requiresSecondFactor), max age: \(r.maximumAuthenticationAge.map(String.init) ?? "-"))"
        }
    }
}

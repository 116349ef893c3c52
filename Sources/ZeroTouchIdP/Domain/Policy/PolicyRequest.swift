public import Foundation
public import ZeroTouchCore

/// Authentication Method Reference values (RFC 8176 §2) that policy conditions look at.
public enum AuthenticationMethod {
    /// Password-based authentication.
    public static let password = "pwd"
    /// A one-time password, such as a TOTP code: what `requiresSecondFactor` asks for.
    public static let oneTimePassword = "otp"
}

/// How and when the user signed in: the `amr` and `auth_time` of their ID token (OpenID Connect Core §2).
public struct AuthenticationContext: Sendable, Equatable, Codable {
    /// The `amr` values.
    public var methods: Set<String>
    /// The `auth_time`.
    public var authenticatedAt: Date

    public init(methods: Set<String>, authenticatedAt: Date) {
        self.methods = methods
        self.authenticatedAt = authenticatedAt
    }
}

/// The question policy answers at the token exchange (checklist I-9): may `client` act for `user`
/// toward `server`, with `requestedScope`, given how the user signed in?
public struct PolicyRequest: Sendable, Equatable {
    public var user: UserID
    public var client: ClientID
    public var server: MCPServerID
    /// The `scope` of the request (RFC 6749 §3.3); empty when none was sent, which asks for every
    /// scope policy allows (decisions X-5).
    public var requestedScope: Scope
    public var authentication: AuthenticationContext
    /// The time of the decision, for the maximum-age condition.
    public var now: Date

    public init(
        user: UserID, client: ClientID, server: MCPServerID, requestedScope: Scope = [],
        authentication: AuthenticationContext, now: Date
    ) {
        self.user = user
        self.client = client
        self.server = server
        self.requestedScope = requestedScope
        self.authentication = authentication
        self.now = now
    }
}

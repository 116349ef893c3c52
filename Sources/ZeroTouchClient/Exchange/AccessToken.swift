public import Foundation
public import ZeroTouchCore

/// An access token from an MCP server's authorization server (RFC 6749 §5.1), for one resource.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible {
    /// The token; sent only in the `Authorization` header to its resource (RFC 6750 §2.1, C-28, C-29).
    public var value: SecretValue
    /// The issuer of the authorization server that issued it.
    public var issuer: Issuer
    /// The resource it was issued for.
    public var resource: ResourceIdentifier
    /// When it expires, from `expires_in`; `nil` when the server did not say (used until refused).
    public var expiresAt: Date?
    /// The granted scope, when the server said it.
    public var scope: Scope?
    /// The scope this client asked for when it got the token.
    public var requestedScope: Scope?
    /// When this client received it.
    public var obtainedAt: Date

    /// Creates a token.
    public init(value: SecretValue, issuer: Issuer, resource: ResourceIdentifier, expiresAt: Date?, scope: Scope?, requestedScope: Scope?, obtainedAt: Date) {
        self.value = value
        self.issuer = issuer
        self.resource = resource
        self.expiresAt = expiresAt
        self.scope = scope
        self.requestedScope = requestedScope
        self.obtainedAt = obtainedAt
    }

    /// The `Authorization` header value (RFC 6750 §2.1).
    public var authorizationHeader: String { "Bearer \(value.revealed)" }

    /// Whether the token should be replaced at `now`: it expires within `margin`, or within a tenth
    /// of its lifetime when that is shorter.
    public func needsRefresh(at now: Date, margin: TimeInterval) -> Bool {
        guard let expiresAt else { return false }
        let lifetime = max(0, expiresAt.timeIntervalSince(obtainedAt))
        return now >= expiresAt.addingTimeInterval(-min(margin, lifetime / 10))
    }

    /// Issuer, resource and expiry; never the token.
    public var description: String {
        "access token from \(issuer) for \(resource)" + (expiresAt.map { " expiring at \(Int($0.timeIntervalSince1970))" } ?? "")
    }
}

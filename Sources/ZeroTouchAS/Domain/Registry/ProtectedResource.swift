public import Foundation
public import ZeroTouchCore

/// An MCP server this authorization server issues access tokens for (RFC 8707 §2, RFC 9728 §2).
public struct ProtectedResource: Codable, Sendable, Equatable, Identifiable, CustomStringConvertible {
    /// The canonical resource identifier: the ID-JAG `resource` and the access token `aud`.
    public var identifier: ResourceIdentifier
    /// The scopes registered for this resource; an ID-JAG asking for another is refused (EMA-S §7.6.2).
    public var scopes: Scope
    /// The lifetime of access tokens for this resource, in seconds (decisions: 300 s by default).
    public var accessTokenLifetime: TimeInterval
    /// Whether an ID-JAG must name this resource in its `resource` claim, instead of being bound to
    /// it as its client's only resource (decisions X-3).
    public var requiresResourceClaim: Bool

    /// The default access-token lifetime (decisions, "Lifetimes").
    public static let defaultAccessTokenLifetime: TimeInterval = 300
    /// The longest access-token lifetime accepted: one hour (MCP 2025-11-25 "Token Theft": short-lived).
    public static let maximumAccessTokenLifetime: TimeInterval = 3600

    /// Creates a resource registration.
    public init(
        identifier: ResourceIdentifier, scopes: Scope = [],
        accessTokenLifetime: TimeInterval = ProtectedResource.defaultAccessTokenLifetime, requiresResourceClaim: Bool = false
    ) {
        self.identifier = identifier
        self.scopes = scopes
        self.accessTokenLifetime = accessTokenLifetime
        self.requiresResourceClaim = requiresResourceClaim
    }

    /// The identifier used by the admin API.
    public var id: ResourceIdentifier { identifier }

    /// Checks the registration before it is stored.
    /// - Parameter endpointPolicy: which URLs may identify resources (decisions X-11).
    /// - Throws: `ASRegistryError.invalid` naming the field.
    public func validate(endpointPolicy: EndpointPolicy) throws(ASRegistryError) {
        do { try endpointPolicy.check(identifier.rawValue) } catch { throw .invalid("resource: \(error)") }
        guard accessTokenLifetime >= 1, accessTokenLifetime <= Self.maximumAccessTokenLifetime else {
            throw .invalid("access token lifetime must be between 1 and \(Int(Self.maximumAccessTokenLifetime)) seconds")
        }
    }

    /// A log-safe summary.
    public var description: String { "ProtectedResource(\(identifier), scopes: \(scopes), lifetime: \(Int(accessTokenLifetime))s)" }

    enum CodingKeys: String, CodingKey {
        case identifier = "resource"
        case scopes
        case accessTokenLifetime = "access_token_lifetime"
        case requiresResourceClaim = "require_resource_claim"
    }

    /// Decodes a registration, applying defaults to omitted members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try c.decode(ResourceIdentifier.self, forKey: .identifier)
        scopes = try c.decodeIfPresent(Scope.self, forKey: .scopes) ?? []
        accessTokenLifetime = try c.decodeIfPresent(TimeInterval.self, forKey: .accessTokenLifetime) ?? Self.defaultAccessTokenLifetime
        requiresResourceClaim = try c.decodeIfPresent(Bool.self, forKey: .requiresResourceClaim) ?? false
    }
}

import Foundation
public import ZeroTouchCore

/// The request headers that carry the verified identity to the upstream server (configurable;
/// a `nil` name leaves that attribute out).
///
/// The upstream trusts these only because the gateway builds the upstream request from scratch:
/// any header of the same name sent by the client is dropped, as is the client's `Authorization`
/// (MCP "Access Token Privilege Restriction": no token passthrough).
public struct IdentityHeaders: Sendable, Equatable {
    /// The user (`sub`).
    public var user: String?
    /// The client (`client_id`).
    public var client: String?
    /// The granted scope.
    public var scope: String?
    /// The access token's `jti`, the correlation id of the audit trail.
    public var tokenID: String?
    /// The authorization server (`iss`).
    public var issuer: String?

    /// Creates a mapping; by default `X-ZeroTouch-User`, `X-ZeroTouch-Client-ID`,
    /// `X-ZeroTouch-Scope`, `X-ZeroTouch-Token-ID`, `X-ZeroTouch-Issuer`.
    public init(
        user: String? = "X-ZeroTouch-User", client: String? = "X-ZeroTouch-Client-ID", scope: String? = "X-ZeroTouch-Scope",
        tokenID: String? = "X-ZeroTouch-Token-ID", issuer: String? = "X-ZeroTouch-Issuer"
    ) {
        self.user = user
        self.client = client
        self.scope = scope
        self.tokenID = tokenID
        self.issuer = issuer
    }

    /// The header fields for `identity`. Values outside visible ASCII (and space, for the scope)
    /// are percent-encoded so they cannot break the header.
    public func fields(for identity: VerifiedAccessToken) -> [(name: String, value: String)] {
        let values: [(String?, String?)] = [
            (user, identity.subject.rawValue), (client, identity.clientID.rawValue), (scope, identity.scope.description),
            (tokenID, identity.jti?.rawValue), (issuer, identity.issuer.rawValue),
        ]
        return values.compactMap { name, value in
            guard let name, let value else { return nil }
            return (name, Self.headerSafe(value))
        }
    }

    /// `value` with characters other than `%x20-7E` (and `%`) percent-encoded.
    package static func headerSafe(_ value: String) -> String {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: Unicode.Scalar(0x20)!...Unicode.Scalar(0x7E)!)
        allowed.remove("%")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

public import ZeroTouchCore

/// The `Bearer` challenge of a 401 or 403 from an MCP server (RFC 6750 §3, RFC 9728 §5.1,
/// MCP 2025-11-25 "Protected Resource Metadata Discovery Requirements", "Scope Selection Strategy").
public struct BearerChallenge: Sendable, Hashable {
    /// `resource_metadata`: where the server's protected resource metadata is (RFC 9728 §5.1).
    public var resourceMetadata: String?
    /// `scope`: the scopes the request needs (RFC 6750 §3).
    public var scope: Scope?
    /// `error`, e.g. `invalid_token` or `insufficient_scope` (RFC 6750 §3.1).
    public var error: OAuthErrorCode?
    /// `error_description`.
    public var errorDescription: String?

    /// Creates a challenge.
    public init(resourceMetadata: String? = nil, scope: Scope? = nil, error: OAuthErrorCode? = nil, errorDescription: String? = nil) {
        self.resourceMetadata = resourceMetadata
        self.scope = scope
        self.error = error
        self.errorDescription = errorDescription
    }

    /// The first `Bearer` challenge (scheme compared case-insensitively) in the `WWW-Authenticate`
    /// header values `headers`, or `nil` when there is none. A `scope` that breaks the RFC 6749 §3.3
    /// grammar is ignored rather than trusted.
    public init?(headers: [String]) {
        guard let bearer = AuthenticationChallenge.parse(headers).first(where: { $0.hasScheme("Bearer") }) else { return nil }
        let parameters = bearer.parameters
        self.resourceMetadata = parameters["resource_metadata"].flatMap { $0.isEmpty ? nil : $0 }
        self.scope = parameters["scope"].flatMap { try? Scope(parsing: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        self.error = parameters["error"].map(OAuthErrorCode.init(rawValue:))
        self.errorDescription = parameters["error_description"]
    }
}

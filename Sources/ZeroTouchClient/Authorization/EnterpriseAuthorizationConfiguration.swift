public import AsyncHTTPClient
public import Foundation
public import ZeroTouchCore

/// Everything `EnterpriseAuthorizer` needs besides the user's identity.
public struct EnterpriseAuthorizationConfiguration: Sendable {
    /// The enterprise IdP (leg 1).
    public var identityProvider: IdentityProviderSettings
    /// Credentials per MCP authorization server (leg 2).
    public var authorizationServers: AuthorizationServerCredentials
    /// Which URLs may be contacted (https, or http on loopback; decisions X-11).
    public var endpointPolicy: EndpointPolicy
    /// Whether a token endpoint must be on its issuer's origin. On by default: a credential keyed
    /// by issuer is sent only to that issuer's origin.
    public var requiresTokenEndpointOnIssuerOrigin: Bool
    /// How long before `expires_in` runs out an access token is replaced (at most 10 % of its lifetime).
    public var refreshMargin: TimeInterval
    /// The time limit for one OAuth request.
    public var requestTimeout: Duration
    /// The HTTP client; by default one that never follows redirects.
    public var httpClient: HTTPClient

    /// Creates a configuration.
    public init(
        identityProvider: IdentityProviderSettings, authorizationServers: AuthorizationServerCredentials,
        endpointPolicy: EndpointPolicy = .standard, requiresTokenEndpointOnIssuerOrigin: Bool = true, refreshMargin: TimeInterval = 30,
        requestTimeout: Duration = .seconds(10), httpClient: HTTPClient = ZeroTouchHTTPClient.shared
    ) {
        self.identityProvider = identityProvider
        self.authorizationServers = authorizationServers
        self.endpointPolicy = endpointPolicy
        self.requiresTokenEndpointOnIssuerOrigin = requiresTokenEndpointOnIssuerOrigin
        self.refreshMargin = refreshMargin
        self.requestTimeout = requestTimeout
        self.httpClient = httpClient
    }

    var http: HTTPExchange { HTTPExchange(httpClient: httpClient, endpointPolicy: endpointPolicy, timeout: requestTimeout) }
}

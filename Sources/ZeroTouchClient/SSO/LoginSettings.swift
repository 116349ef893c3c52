public import AsyncHTTPClient
public import ZeroTouchCore

/// How to sign the user in at the enterprise IdP with OpenID Connect (EMA-S §3, checklist C-6, C-7).
public struct LoginSettings: Sendable {
    /// The IdP's issuer identifier; its metadata is read from the well-known URLs.
    public var issuer: Issuer
    /// This client's credential at the IdP (the same one the token exchange uses).
    public var credential: TokenEndpointCredential
    /// The scopes to request: `openid`, plus `offline_access` for a refresh token (C-8).
    public var scope: Scope
    /// Which URLs may be used (https, or http on loopback).
    public var endpointPolicy: EndpointPolicy
    /// How long to wait for the user to finish in the browser.
    public var browserTimeout: Duration
    /// The limit for one request to the IdP.
    public var requestTimeout: Duration
    /// The HTTP client; by default one that never follows redirects.
    public var httpClient: HTTPClient

    /// Creates settings.
    public init(
        issuer: Issuer, credential: TokenEndpointCredential, scope: Scope = ["openid", "profile", "email", "offline_access"],
        endpointPolicy: EndpointPolicy = .standard, browserTimeout: Duration = .seconds(300), requestTimeout: Duration = .seconds(10),
        httpClient: HTTPClient = ZeroTouchHTTPClient.shared
    ) {
        self.issuer = issuer
        self.credential = credential
        self.scope = scope
        self.endpointPolicy = endpointPolicy
        self.browserTimeout = browserTimeout
        self.requestTimeout = requestTimeout
        self.httpClient = httpClient
    }

    var http: HTTPExchange { HTTPExchange(httpClient: httpClient, endpointPolicy: endpointPolicy, timeout: requestTimeout) }
}

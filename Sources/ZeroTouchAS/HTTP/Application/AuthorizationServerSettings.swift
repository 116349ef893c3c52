public import Foundation
public import Logging
public import ZeroTouchCore
public import ZeroTouchServer

/// How the authorization server runs: its issuer, listener, URL policy and clock leeway.
public struct AuthorizationServerSettings: Sendable {
    /// The issuer identifier (RFC 8414 §2), the `aud` every ID-JAG must carry. `nil` derives
    /// `http://127.0.0.1:<port>` once the listener is bound, for tests and local development on a
    /// loopback host.
    public var issuer: Issuer?
    /// Where to listen.
    public var server: ServerSettings
    /// Which URLs may be issuers, JWKS endpoints and resources (decisions X-11).
    public var endpointPolicy: EndpointPolicy
    /// Clock-skew leeway on ID-JAG times (decisions: 60 s).
    public var leeway: TimeInterval
    /// The application logger.
    public var logger: Logger

    /// Creates settings.
    public init(
        issuer: Issuer? = nil, server: ServerSettings = ServerSettings(), endpointPolicy: EndpointPolicy = .standard,
        leeway: TimeInterval = IDJAGRules.defaultLeeway, logger: Logger = Logger(label: "zerotouch.as")
    ) {
        self.issuer = issuer
        self.server = server
        self.endpointPolicy = endpointPolicy
        self.leeway = leeway
        self.logger = logger
    }
}

public import Foundation

/// How long each artefact the IdP hands out lives (configuration `idp.*_lifetime`).
///
/// ID-JAG lifetimes are per MCP server (`MCPServer.idJAGLifetime`, at most 600 s: decisions "Lifetimes").
public struct IdPLifetimes: Sendable, Equatable {
    /// ID tokens (OpenID Connect Core §2 `exp`): also the window in which a client may exchange one.
    public var idToken: TimeInterval
    /// Access tokens for `/userinfo` and `/mcp/servers`.
    public var accessToken: TimeInterval
    /// The absolute lifetime of a refresh-token family, counted from the sign-in (RFC 6819 §5.2.2.3).
    public var refreshToken: TimeInterval
    /// Authorization codes (RFC 6749 §4.1.2: "a maximum authorization code lifetime of 10 minutes is RECOMMENDED").
    public var authorizationCode: TimeInterval
    /// The browser session behind single sign-on.
    public var session: TimeInterval
    /// A sign-in page: from `/authorize` to the last submitted form.
    public var pendingSignIn: TimeInterval

    public init(
        idToken: TimeInterval = 3600, accessToken: TimeInterval = 600, refreshToken: TimeInterval = 86_400,
        authorizationCode: TimeInterval = 60, session: TimeInterval = 28_800, pendingSignIn: TimeInterval = 600
    ) {
        self.idToken = idToken
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.authorizationCode = authorizationCode
        self.session = session
        self.pendingSignIn = pendingSignIn
    }

    /// The defaults: ID token 1 h, access token 10 min, refresh family 24 h, code 60 s, session 8 h, sign-in page 10 min.
    public static let standard = IdPLifetimes()

    /// The longest time a token signed by the IdP's key stays valid: how long a retired key must stay
    /// published after a rotation (the longer of the ID token and the longest ID-JAG).
    public var longestSignedToken: TimeInterval { max(idToken, TimeInterval(MCPServer.maximumIDJAGLifetime)) }
}

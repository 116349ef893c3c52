public import Foundation
public import ZeroTouchCore

/// A signed-in browser: what the session cookie (a random 256-bit value, stored only as its hash)
/// stands for, so that a second client's `/authorize` needs no new password (single sign-on).
public struct BrowserSession: Sendable, Equatable, Codable {
    public var userID: UserID
    /// `auth_time` and `amr` of the sign-in.
    public var authentication: AuthenticationContext
    public var expiresAt: Date
    /// The CSRF token of the logout form.
    public var csrfToken: String

    public init(userID: UserID, authentication: AuthenticationContext, expiresAt: Date, csrfToken: String) {
        self.userID = userID
        self.authentication = authentication
        self.expiresAt = expiresAt
        self.csrfToken = csrfToken
    }
}

/// A sign-in in progress: the checked authorization request waiting for credentials.
///
/// The form carries `id` and `csrfToken`; the browser carries a cookie whose hash is `browserBinding`.
/// A submission must present all three, so a form posted from another site, or a form lifted into
/// another browser, is refused (OWASP synchronizer token plus a browser-bound nonce).
public struct PendingSignIn: Sendable, Equatable, Codable {
    /// Where the sign-in stands.
    public enum Stage: Sendable, Equatable, Codable {
        /// Waiting for username and password.
        case password
        /// The password of `user` was right at `passwordCheckedAt`; waiting for the TOTP code.
        case secondFactor(user: UserID, username: String, passwordCheckedAt: Date)
    }

    public var id: String
    public var request: AuthorizationRequest
    public var csrfToken: String
    public var browserBinding: TokenHash
    public var expiresAt: Date
    public var stage: Stage

    public init(id: String, request: AuthorizationRequest, csrfToken: String, browserBinding: TokenHash, expiresAt: Date, stage: Stage = .password) {
        self.id = id
        self.request = request
        self.csrfToken = csrfToken
        self.browserBinding = browserBinding
        self.expiresAt = expiresAt
        self.stage = stage
    }
}

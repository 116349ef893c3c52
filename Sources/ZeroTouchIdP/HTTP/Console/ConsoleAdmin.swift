import Foundation
import ZeroTouchCore

/// A signed-in member of the console's admin group: the browser session of the IdP's own sign-in.
struct ConsoleAdmin: Sendable {
    var user: User
    var session: BrowserSession

    /// The synchronizer token every console form carries (OWASP CSRF cheat sheet): the session's own
    /// CSRF token, random per sign-in and stored only server-side with the session.
    var csrfToken: String { session.csrfToken }

    /// The actor of this admin's changes in the audit trail.
    var actor: String { "console:\(user.username)" }
}

/// Who is asking for a console page.
enum ConsoleAccess: Sendable {
    /// A signed-in admin.
    case admin(ConsoleAdmin)
    /// No valid session: sign in first.
    case signedOut
    /// Signed in, but not a member of the admin group.
    case forbidden(User, BrowserSession)
}

/// A console form that cannot be accepted: shown again with `message`, nothing changed.
struct ConsoleFormError: Error, Sendable {
    var message: String
    var status: Int = 400

    init(_ message: String, status: Int = 400) {
        self.message = message
        self.status = status
    }

    init(_ error: IdPAdminError) {
        message = error.description
        status = error.httpStatus == 400 ? 422 : error.httpStatus
    }
}

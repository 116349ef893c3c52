import HTTPTypes
import Hummingbird
import ZeroTouchCore

/// The pages of the sign-in flow (issue 3, item 1: a login page that works without JavaScript).
enum SignInPages {
    /// The username and password form for `pending`, optionally with an error and the username typed before.
    static func password(
        _ pending: PendingSignIn, clientName: String, message: String? = nil, username: String = "", status: HTTPResponse.Status = .ok
    ) -> HTMLPage {
        HTMLPage(
            title: "Sign in",
            body: """
                <h1>Sign in</h1><p>to continue to <strong>\(HTMLPage.escape(clientName))</strong></p>\(error(message))
                <form method="post" action="\(IdPEndpoints.loginPath)">\(hidden(pending))
                <label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" required maxlength="200" value="\(HTMLPage.escape(username))">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="72">
                <button type="submit">Sign in</button></form>
                """,
            status: status)
    }

    /// The one-time code form after a correct password (RFC 6238).
    static func secondFactor(_ pending: PendingSignIn, message: String? = nil, status: HTTPResponse.Status = .ok) -> HTMLPage {
        HTMLPage(
            title: "Verification code",
            body: """
                <h1>Verification code</h1><p>Enter the 6-digit code from your authenticator app.</p>\(error(message))
                <form method="post" action="\(IdPEndpoints.secondFactorPath)">\(hidden(pending))
                <label for="code">Code</label>
                <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
                <button type="submit">Verify</button></form>
                """,
            status: status)
    }

    /// An error that cannot be sent back to the application: shown here, never redirected.
    static func error(_ message: String, status: HTTPResponse.Status = .badRequest) -> HTMLPage {
        HTMLPage(title: "Sign-in error", body: "<h1>Something went wrong</h1><p class=\"error\">\(HTMLPage.escape(message))</p>", status: status)
    }

    /// The logout confirmation (OpenID Connect RP-Initiated Logout §2: confirm before logging out).
    static func confirmLogout(csrfToken: String, clientID: String?, postLogoutRedirectURI: String?, state: String?) -> HTMLPage {
        var fields = "<input type=\"hidden\" name=\"csrf_token\" value=\"\(HTMLPage.escape(csrfToken))\">"
        for (name, value) in [("client_id", clientID), ("post_logout_redirect_uri", postLogoutRedirectURI), ("state", state)] {
            if let value { fields += "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTMLPage.escape(value))\">" }
        }
        return HTMLPage(
            title: "Sign out",
            body: "<h1>Sign out?</h1><form method=\"post\" action=\"\(IdPEndpoints.logoutPath)\">\(fields)<button type=\"submit\">Sign out</button></form>")
    }

    /// After logout, or when there was no session.
    static func signedOut() -> HTMLPage {
        HTMLPage(title: "Signed out", body: "<h1>You are signed out</h1><p>You can close this window.</p>")
    }

    private static func hidden(_ pending: PendingSignIn) -> String {
        """
        <input type="hidden" name="request_id" value="\(HTMLPage.escape(pending.id))">\
        <input type="hidden" name="csrf_token" value="\(HTMLPage.escape(pending.csrfToken))">
        """
    }

    private static func error(_ message: String?) -> String {
        message.map { "<p class=\"error\" role=\"alert\">\(HTMLPage.escape($0))</p>" } ?? ""
    }
}

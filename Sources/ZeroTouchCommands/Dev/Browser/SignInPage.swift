import Foundation

/// What the scripted browser reads from the IdP's sign-in pages: the form's action and hidden
/// fields, or the error message. The pages are ours (`SignInPages`): plain HTML without JavaScript.
struct SignInPage {
    /// The form's `action`, e.g. `/login`.
    var action: String?
    /// `request_id` and `csrf_token`.
    var hiddenFields: [String: String]
    /// The text of `<p class="error">`, when the page shows one.
    var errorMessage: String?

    init(html: String) {
        action = Self.firstMatch(in: html, after: "<form method=\"post\" action=\"", until: "\"")
        var fields: [String: String] = [:]
        for name in ["request_id", "csrf_token"] {
            if let value = Self.firstMatch(in: html, after: "name=\"\(name)\" value=\"", until: "\"") { fields[name] = Self.unescape(value) }
        }
        hiddenFields = fields
        errorMessage = Self.firstMatch(in: html, after: "class=\"error\"", until: "</p>").map { text in
            Self.unescape(String(text.drop { $0 != ">" }.dropFirst()))
        }
    }

    /// Whether this is the one-time-code form.
    var asksForSecondFactor: Bool { action?.hasSuffix("/otp") == true }

    private static func firstMatch(in html: String, after prefix: String, until terminator: String) -> String? {
        guard let start = html.range(of: prefix)?.upperBound, let end = html[start...].range(of: terminator)?.lowerBound else { return nil }
        return String(html[start..<end])
    }

    /// Undoes `HTMLPage.escape`.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}

public import ZeroTouchCore

/// Every failure of the ZeroTouch MCP client: a stable `code` plus context (STYLE "Public library
/// errors use the struct pattern", after swift-certificates' `CertificateError`).
///
/// `==` and `hash(into:)` use only `code`, so tests and callers compare codes and ignore the text.
/// Nothing secret is ever stored here: no token, assertion, code, secret or password. Text that a
/// peer chose (an `error_description`) is cut to 200 printable characters.
public struct ZeroTouchClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public var code: Code
    /// A one-line explanation, safe to show and to log.
    public var reason: String
    /// What the user can do about it, e.g. "run `zerotouch login` again".
    public var nextStep: String?
    /// The URL involved, when there is one.
    public var url: String?
    /// The HTTP status a peer answered with, when that is the failure.
    public var status: Int?
    /// The RFC 6749 §5.2 error a peer answered with, when it sent one.
    public var oauthError: OAuthErrorBody?
    /// For `blockedByPolicy`: the IdP's reason and audit reference.
    public var denial: PolicyDenial?
    /// Where the error was made.
    public let file: String
    /// The line where the error was made.
    public let line: UInt

    /// Creates an error.
    public init(
        _ code: Code, _ reason: String, nextStep: String? = nil, url: String? = nil, status: Int? = nil,
        oauthError: OAuthErrorBody? = nil, denial: PolicyDenial? = nil, file: String = #fileID, line: UInt = #line
    ) {
        self.code = code
        self.reason = reason
        self.nextStep = nextStep
        self.url = url
        self.status = status
        self.oauthError = oauthError.map(Self.sanitized)
        self.denial = denial
        self.file = file
        self.line = line
    }

    /// Equal when the codes are equal; the text and context are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// `code: reason (url)`, then the next step on its own sentence.
    public var description: String {
        var text = "\(code): \(reason)"
        if let url { text += " (\(url))" }
        if let oauthError {
            text += " [\(Self.printable(oauthError.error))"
            if let description = oauthError.errorDescription { text += ": \(description)" }
            text += "]"
        }
        if let nextStep { text += ". \(nextStep)" }
        return text
    }

    /// A peer's error body with its text made printable and short.
    static func sanitized(_ body: OAuthErrorBody) -> OAuthErrorBody {
        OAuthErrorBody(
            error: printable(body.error), errorDescription: body.errorDescription.map(printable),
            errorURI: body.errorURI.map(printable), auditReference: body.auditReference.map(printable))
    }

    /// Text a peer chose, cut to 200 characters with control characters replaced, so that it
    /// cannot forge or flood a log line.
    static func printable(_ text: String) -> String {
        let scalars = text.unicodeScalars.prefix(200).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }
        return String(String.UnicodeScalarView(scalars)) + (text.unicodeScalars.count > 200 ? "…" : "")
    }
}

/// Why the scripted browser could not finish a sign-in.
public enum BrowserSignInError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The IdP refused the form and showed this message (wrong password, suspended account, throttled…).
    case refused(status: Int, message: String)
    /// The IdP answered something the sign-in flow never sends.
    case unexpected(String)
    /// A second factor was asked for, but the account has none in the script.
    case secondFactorRequired

    /// One line for people, never a password.
    public var description: String {
        switch self {
        case .refused(let status, let message): "the IdP refused the sign-in (HTTP \(status)): \(message)"
        case .unexpected(let what): "unexpected answer from the IdP: \(what)"
        case .secondFactorRequired: "the IdP asked for a one-time code and none was given"
        }
    }
}

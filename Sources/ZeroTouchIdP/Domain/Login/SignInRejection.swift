/// Why a submitted sign-in form was refused. The HTTP layer renders each case as a page; the pending
/// sign-in comes along when the form can be shown again.
public enum SignInRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// No such sign-in in progress, or it expired, or it is at another step: start again from the application.
    case expired
    /// The CSRF token or the browser cookie does not match the sign-in: nothing is checked or changed.
    case forgedSubmission
    /// Too many failures for this username or address; try again in `retryAfter` seconds.
    case throttled(PendingSignIn, retryAfter: Int)
    /// Wrong username or password, or a suspended account.
    case invalidCredentials(PendingSignIn, LoginRejection)
    /// The one-time code was refused.
    case invalidSecondFactor(PendingSignIn, TOTPRejection)

    /// The HTTP status of the page.
    public var httpStatus: Int {
        switch self {
        case .expired: 400
        case .forgedSubmission: 403
        case .throttled: 429
        case .invalidCredentials, .invalidSecondFactor: 401
        }
    }

    /// The message the page shows.
    public var message: String {
        switch self {
        case .expired: "This sign-in page has expired. Go back to the application and start again."
        case .forgedSubmission: "This form was not sent from this sign-in page. Go back to the application and start again."
        case .throttled(_, let retryAfter): "Too many failed attempts. Try again in \(retryAfter) seconds."
        case .invalidCredentials(_, let rejection): rejection.errorDescription
        case .invalidSecondFactor(_, let rejection): rejection.errorDescription
        }
    }

    /// The log line: reasons and identifiers, never a password or code.
    public var description: String {
        switch self {
        case .expired: "sign-in expired"
        case .forgedSubmission: "sign-in form forged (CSRF token or browser binding mismatch)"
        case .throttled(_, let retryAfter): "sign-in throttled for \(retryAfter) s"
        case .invalidCredentials(_, let rejection): rejection.description
        case .invalidSecondFactor(_, let rejection): rejection.description
        }
    }
}

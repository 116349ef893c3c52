/// A submitted sign-in form: the sign-in it continues, its anti-forgery values, and the credential.
public struct SignInSubmission: Sendable {
    /// The `request_id` hidden field.
    public var pendingID: String
    /// The `csrf_token` hidden field.
    public var csrfToken: String
    /// The value of the browser-binding cookie, if the browser sent one.
    public var browserSecret: String?
    /// The client's network address, for per-address throttling.
    public var address: String?

    public init(pendingID: String, csrfToken: String, browserSecret: String?, address: String?) {
        self.pendingID = pendingID
        self.csrfToken = csrfToken
        self.browserSecret = browserSecret
        self.address = address
    }
}

/// Where a successful step leads.
public enum SignInStep: Sendable, Equatable {
    /// The password was right and the user has a second factor: show the code form.
    case secondFactorRequired(PendingSignIn)
    /// Signed in: set the session cookie to `session` and redirect to `location` (the code response).
    case completed(location: String, session: OpaqueToken)
}

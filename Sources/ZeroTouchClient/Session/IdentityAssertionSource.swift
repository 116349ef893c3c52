/// Where the user's Identity Assertion comes from: the ID token that is the `subject_token` of
/// every token exchange (EMA-S §3, checklist C-6, C-14).
public protocol IdentityAssertionSource: Sendable {
    /// An ID token valid now, renewed first if the source can renew it.
    /// - Throws: `ZeroTouchClientError`, `.loginRequired` when the user must sign in again.
    func idToken() async throws(ZeroTouchClientError) -> SecretValue
}

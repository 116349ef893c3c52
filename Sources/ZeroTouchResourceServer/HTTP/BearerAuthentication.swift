/// What `BearerAuthenticationMiddleware` found on a request, stored in the request context.
///
/// Only this module sets it: a handler cannot make itself authenticated, and the identity comes
/// from a verifier (`VerifiedAccessToken` has no public initializer).
public struct BearerAuthentication: Sendable {
    /// The verified identity, or `nil` when no access token was presented.
    public internal(set) var identity: VerifiedAccessToken?
    /// The challenge parameters of the resource, or `nil` when the middleware did not run.
    public internal(set) var challenge: BearerChallengeParameters?

    /// Nothing found yet.
    public init() {}
}

public import Hummingbird

/// A request context in which the identity is not optional (typestate at the routing layer,
/// STYLE.md §1.2): routes added to `router.group(context: AuthenticatedRequestContext<Parent>.self)`
/// run only for requests with a verified access token.
///
/// Creating it from a parent context without an identity throws the RFC 6750 §3.1 challenge for a
/// missing token (401 with `resource_metadata` and `scope`), so nothing in the group runs.
public struct AuthenticatedRequestContext<Parent: BearerRequestContext>: ChildRequestContext {
    /// Hummingbird's per-request storage, taken from the parent.
    public var coreContext: CoreRequestContextStorage
    /// The verified identity: user, client, scopes, token id, issuer.
    public let identity: VerifiedAccessToken
    /// The resource's challenge parameters, for refusals further down (403 `insufficient_scope`).
    public let challenge: BearerChallengeParameters
    private let parentMaxUploadSize: Int

    /// Takes the identity from `context`.
    /// - Throws: `BearerChallenge` 401 when no token was presented; when the authentication
    ///   middleware did not run at all, a 401 without discovery parameters (fail closed).
    public init(context: Parent) throws {
        guard let challenge = context.bearer.challenge else {
            throw BearerChallenge(.missingToken, resourceMetadataURL: "")
        }
        guard let identity = context.bearer.identity else { throw BearerChallenge.missingToken(challenge) }
        self.coreContext = context.coreContext
        self.identity = identity
        self.challenge = challenge
        self.parentMaxUploadSize = context.maxUploadSize
    }

    /// The parent's upload cap.
    public var maxUploadSize: Int { parentMaxUploadSize }
}

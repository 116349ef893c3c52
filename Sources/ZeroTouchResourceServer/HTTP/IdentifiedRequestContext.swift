public import Hummingbird

/// A request context with a verified identity, whatever the concrete context type; what
/// `RequiredScopeMiddleware` and the MCP routes need.
public protocol IdentifiedRequestContext: RequestContext {
    /// The verified identity.
    var identity: VerifiedAccessToken { get }
    /// The resource's challenge parameters.
    var challenge: BearerChallengeParameters { get }
}

extension AuthenticatedRequestContext: IdentifiedRequestContext {}

public import Hummingbird

/// A request context that can carry the outcome of bearer authentication (STYLE.md §1.2: a typed
/// context, not a dictionary). `BearerAuthenticationMiddleware` fills `bearer`; a route group
/// with `AuthenticatedRequestContext` then demands an identity.
public protocol BearerRequestContext: RequestContext {
    /// What bearer authentication found.
    var bearer: BearerAuthentication { get set }
}

/// The request context of a protected resource's routes: Hummingbird's core storage plus the
/// bearer outcome, with a 4 MiB upload cap (MCP messages are small; oversized bodies are refused
/// before they are buffered).
public struct ResourceRequestContext: BearerRequestContext, RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// What bearer authentication found.
    public var bearer: BearerAuthentication

    /// The largest request body accepted: 4 MiB.
    public static let maximumBodyBytes = 4 * 1024 * 1024

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.bearer = BearerAuthentication()
    }

    /// The upload cap: `maximumBodyBytes`.
    public var maxUploadSize: Int { Self.maximumBodyBytes }
}

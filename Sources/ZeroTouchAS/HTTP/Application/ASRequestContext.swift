public import Hummingbird

/// The request context of the authorization server's routes (Hummingbird `RequestContext`).
public struct ASRequestContext: RequestContext {
    /// Hummingbird's per-request storage: logger, path, parameters.
    public var coreContext: CoreRequestContextStorage
    /// The name of the admin token that authenticated the request, set by `AdminAuthenticationMiddleware`
    /// on admin API routes and recorded as the actor of every change.
    public var adminName: String?

    /// Creates the context of one request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }
}

public import Hummingbird

/// The request context of the IdP's routes (Hummingbird `RequestContext`).
public struct IdPRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, for per-address sign-in throttling. It is the socket's peer: behind a
    /// reverse proxy every request shares the proxy's address, so the per-username limit still holds
    /// but the per-address one then throttles the proxy as a whole.
    public var remoteAddress: String?
    /// The name of the admin token that authenticated an admin API request: the actor of its changes.
    public var adminName: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

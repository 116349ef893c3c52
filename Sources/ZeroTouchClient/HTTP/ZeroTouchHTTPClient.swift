public import AsyncHTTPClient
import Logging
import NIOCore

/// The HTTP client the ZeroTouch MCP client uses unless given another.
public enum ZeroTouchHTTPClient {
    /// A process-wide AsyncHTTPClient that never follows redirects.
    ///
    /// A token request carries a client secret, an ID token or an ID-JAG; following a `307`/`308`
    /// would resend them to wherever the redirect points. Every response with a 3xx status is
    /// treated as a failure instead (RFC 6749 §3.2 does not define redirects for the token endpoint).
    /// Connections time out after 5 s; each request sets its own deadline. The client lives for
    /// the whole process and is never shut down, like `HTTPClient.shared`.
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5)),
            decompression: .disabled
        )
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        return HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: configuration,
            backgroundActivityLogger: Logger(label: "zerotouch.client.http", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }()
}

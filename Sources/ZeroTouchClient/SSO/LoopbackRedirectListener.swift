import NIOCore
import NIOHTTP1
import NIOPosix
import ZeroTouchCore

/// A one-shot HTTP listener for the authorization response of a native app (RFC 8252 §7.3): bound
/// to `127.0.0.1` on a port the OS picks, so `redirect_uri` is `http://127.0.0.1:<port>/callback`
/// (an IP literal, not `localhost`, RFC 8252 §8.3). The first request to the callback path is
/// captured; the listener is closed when the login ends.
final class LoopbackRedirectListener: Sendable {
    /// The `redirect_uri` to register and send.
    let redirectURI: String
    private let channel: any Channel
    private let queries: AsyncStream<String>

    private init(redirectURI: String, channel: any Channel, queries: AsyncStream<String>) {
        self.redirectURI = redirectURI
        self.channel = channel
        self.queries = queries
    }

    /// Starts listening.
    /// - Throws: `ZeroTouchClientError.loginFailed` when no port can be bound.
    static func start(path: String = "/callback") async throws(ZeroTouchClientError) -> LoopbackRedirectListener {
        let (queries, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(1))
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: false)
                    try channel.pipeline.syncOperations.addHandler(
                        RedirectCaptureHandler(path: path) { query in continuation.yield(String(query)) })
                }
            }
        do {
            let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
            guard let port = channel.localAddress?.port else {
                try? await channel.close()
                throw ZeroTouchClientError(.loginFailed, "the loopback listener has no port")
            }
            return LoopbackRedirectListener(redirectURI: "http://127.0.0.1:\(port)\(path)", channel: channel, queries: queries)
        } catch let error as ZeroTouchClientError {
            throw error
        } catch {
            throw ZeroTouchClientError(.loginFailed, "could not listen on 127.0.0.1 for the sign-in redirect: \(error)")
        }
    }

    /// The query of the first redirect, parsed as a form (RFC 6749 §4.1.2, Appendix B; a repeated
    /// parameter is refused).
    /// - Throws: `ZeroTouchClientError.loginFailed` on timeout or a malformed query.
    func waitForRedirect(timeout: Duration) async throws(ZeroTouchClientError) -> URLEncodedForm {
        let queries = self.queries
        let query: String? = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                var iterator = queries.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let query else {
            throw ZeroTouchClientError(.loginFailed, "no sign-in redirect arrived in time", nextStep: "Run `zerotouch login` again")
        }
        do {
            return try URLEncodedForm(parsing: Array(query.utf8))
        } catch {
            throw ZeroTouchClientError(.loginFailed, "the sign-in redirect is malformed: \(error.description)")
        }
    }

    /// Stops listening.
    func close() async {
        try? await channel.close()
    }
}

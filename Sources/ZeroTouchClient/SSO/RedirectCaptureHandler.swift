import NIOCore
import NIOHTTP1

/// Answers the browser's requests on the loopback redirect listener: the callback path hands its
/// query to `deliver` and shows a page saying the window can be closed; anything else is a 404
/// (a browser also asks for `/favicon.ico`). Every answer closes the connection.
final class RedirectCaptureHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let path: String
    private let deliver: @Sendable (Substring) -> Void
    private var head: HTTPRequestHead?

    init(path: String, deliver: @escaping @Sendable (Substring) -> Void) {
        self.path = path
        self.deliver = deliver
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            let uri = head.uri.prefix(8 * 1024)
            let requestPath = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if head.method == .GET, requestPath == path {
                let query = uri.firstIndex(of: "?").map { uri[uri.index(after: $0)...] } ?? ""
                deliver(query)
                respond(context: context, status: .ok, body: Self.page)
            } else {
                respond(context: context, status: .notFound, body: "Not found")
            }
        }
    }

    private func respond(context: ChannelHandlerContext, status: HTTPResponseStatus, body: String) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: status == .ok ? "text/html; charset=utf-8" : "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "Referrer-Policy", value: "no-referrer")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    /// The page shown after the redirect; it carries nothing from the request.
    static let page = """
        <!doctype html><html><head><meta charset="utf-8"><title>ZeroTouch</title></head>\
        <body><p>Sign-in finished. You can close this window and return to the terminal.</p></body></html>
        """
}

import NIOCore
import NIOPosix

/// A loopback URL nobody listens on: a port bound and released, so connecting is refused at once
/// (a fixed port such as 1 may be filtered and time out instead).
enum ClosedPort {
    static func url(path: String = "/mcp") async throws -> String {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 9
        try await channel.close()
        return "http://127.0.0.1:\(port)\(path)"
    }
}

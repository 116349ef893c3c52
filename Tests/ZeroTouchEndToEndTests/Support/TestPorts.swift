import NIOCore
import NIOPosix
import Synchronization
import ZeroTouchCommands

/// Ports for the environments of this suite, outside Linux's ephemeral range (32768–60999), so
/// that the many port-0 listeners of the other suites running in parallel can never take one
/// between this allocation and the bind, or between a stop and a restart on the same ports.
///
/// Blocks of six consecutive ports are handed out once per process from a random start, each port
/// checked free by binding it (with `SO_REUSEADDR`, as the listeners do).
enum TestPorts {
    private static let next = Mutex(Int.random(in: 0..<1_000) * 6 + range.lowerBound)
    private static let range = 20_000..<32_000

    /// Six consecutive free ports (`zerotouch dev --base-port` needs them consecutive).
    static func allocate() async throws -> DevPorts {
        for _ in 0..<100 {
            let base = next.withLock { next in
                defer { next = next + 6 >= range.upperBound - 6 ? range.lowerBound : next + 6 }
                return next
            }
            if await areFree(base..<(base + 6)) { return DevPorts(base: base) }
        }
        throw FixtureError("no six consecutive free ports in \(range)")
    }

    private static func areFree(_ ports: Range<Int>) async -> Bool {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
        var channels: [any Channel] = []
        for port in ports {
            guard let channel = try? await bootstrap.bind(host: "127.0.0.1", port: port).get() else { break }
            channels.append(channel)
        }
        for channel in channels { try? await channel.close() }
        return channels.count == ports.count
    }
}

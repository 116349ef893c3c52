import NIOCore
import NIOPosix

/// The loopback ports of one `zerotouch dev` environment: one listener per role.
///
/// The defaults are fixed (9400–9405) so that the URLs printed once stay valid across restarts;
/// they are stored with the organization, because the catalog and the trust configuration name them.
public struct DevPorts: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The enterprise IdP (OpenID provider, token exchange).
    public var identityProvider: Int
    /// The MCP authorization server (jwt-bearer grant).
    public var authorizationServer: Int
    /// The issues demo MCP server.
    public var issues: Int
    /// The docs demo MCP server.
    public var docs: Int
    /// The gateway that protects the notes server.
    public var gateway: Int
    /// The unprotected notes MCP server behind the gateway.
    public var notesUpstream: Int

    /// The first default port: the IdP's (`IdPSettings.defaultPort`).
    public static let defaultBase = 9400

    /// Consecutive ports from `base`, in the order of the properties.
    public init(base: Int = DevPorts.defaultBase) {
        self.init(identityProvider: base, authorizationServer: base + 1, issues: base + 2, docs: base + 3, gateway: base + 4, notesUpstream: base + 5)
    }

    /// Explicit ports.
    public init(identityProvider: Int, authorizationServer: Int, issues: Int, docs: Int, gateway: Int, notesUpstream: Int) {
        self.identityProvider = identityProvider
        self.authorizationServer = authorizationServer
        self.issues = issues
        self.docs = docs
        self.gateway = gateway
        self.notesUpstream = notesUpstream
    }

    /// Every port, in property order.
    public var all: [Int] { [identityProvider, authorizationServer, issues, docs, gateway, notesUpstream] }

    /// Whether every port is in 1…65535 and no two are equal.
    public var isValid: Bool { all.allSatisfy { (1...65535).contains($0) } && Set(all).count == all.count }

    /// `9400-9405`, or the list when they are not consecutive.
    public var description: String {
        all == Array(all[0]...(all[0] + 5)) ? "\(all[0])-\(all[5])" : all.map(String.init).joined(separator: ",")
    }

    /// Six distinct ports that are free on 127.0.0.1 right now: each is bound at port 0 while the
    /// others are, then all are released. For the demo and the tests, which must not collide with a
    /// running `zerotouch dev` or with each other.
    /// - Throws: NIO's bind errors.
    public static func free() async throws -> DevPorts {
        var channels: [any Channel] = []
        do {
            for _ in 0..<6 {
                channels.append(try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get())
            }
        } catch {
            for channel in channels { try? await channel.close() }
            throw error
        }
        let ports = channels.compactMap { $0.localAddress?.port }
        for channel in channels { try? await channel.close() }
        guard ports.count == 6 else { throw DevEnvironmentError.noFreePorts }
        return DevPorts(
            identityProvider: ports[0], authorizationServer: ports[1], issues: ports[2], docs: ports[3], gateway: ports[4], notesUpstream: ports[5])
    }

    /// The first port another process listens on at 127.0.0.1, with its role, checked by binding
    /// each port for a moment (with `SO_REUSEADDR`, as the listeners do, so that connections of a
    /// previous run still in TIME_WAIT do not count), before anything is seeded for these ports.
    func firstInUse() async -> (role: String, port: Int)? {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
        for (role, port) in zip(DevTopology.roles, all) {
            guard let channel = try? await bootstrap.bind(host: DevTopology.host, port: port).get() else { return (role, port) }
            try? await channel.close()
        }
        return nil
    }
}

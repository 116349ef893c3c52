/// Where a role listens: host, port and optional TLS (configuration keys `server.*`).
public struct ServerSettings: Sendable, Equatable {
    /// The address to bind (`server.host`); loopback by default.
    public var host: String
    /// The port to bind (`server.port`); 0 asks the system for a free port, which
    /// `ApplicationBuilder.onServerRunning` then reports.
    public var port: Int
    /// The certificate and key to serve HTTPS with, or `nil` for plain HTTP.
    public var tls: TLSSettings?

    /// The default bind address: loopback only (decisions X-11 lets loopback run without TLS).
    public static let defaultHost = "127.0.0.1"

    /// Creates server settings.
    /// - Parameters:
    ///   - host: the address to bind.
    ///   - port: the port to bind; 0 for any free port.
    ///   - tls: the certificate and key, or `nil` for plain HTTP.
    public init(host: String = ServerSettings.defaultHost, port: Int = 0, tls: TLSSettings? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
    }
}

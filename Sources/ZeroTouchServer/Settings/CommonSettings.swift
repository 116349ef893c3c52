public import Logging
public import ZeroTouchCore

/// The settings every role reads: listener, log level, data directory and the insecure-HTTP flag.
///
/// | key | default | env |
/// |---|---|---|
/// | `server.host` | `127.0.0.1` | `ZEROTOUCH_SERVER_HOST` |
/// | `server.port` | the role's port | `ZEROTOUCH_SERVER_PORT` |
/// | `server.tls.certificate`, `server.tls.key` | unset (plain HTTP) | `ZEROTOUCH_SERVER_TLS_CERTIFICATE`, `…_KEY` |
/// | `log.level` | `info` | `ZEROTOUCH_LOG_LEVEL` |
/// | `data.directory` | `./.zerotouch` | `ZEROTOUCH_DATA_DIRECTORY` |
/// | `security.allow_insecure_http` | `false` | `ZEROTOUCH_SECURITY_ALLOW_INSECURE_HTTP` |
public struct CommonSettings: Sendable, Equatable {
    /// Where the role listens.
    public var server: ServerSettings
    /// The minimum log level.
    public var logLevel: Logger.Level
    /// Where the role keeps its SQLite database and keys.
    public var dataDirectory: String
    /// The loudly named switch of decisions X-11: accept plain `http` for non-loopback issuers and
    /// endpoints, and serve plain HTTP on a non-loopback address. Off by default.
    public var allowInsecureHTTP: Bool

    /// The default data directory.
    public static let defaultDataDirectory = "./.zerotouch"

    /// The URL policy the role applies to every issuer and endpoint it is configured with.
    public var endpointPolicy: EndpointPolicy { EndpointPolicy(allowInsecureNonLoopbackHTTP: allowInsecureHTTP) }

    /// Creates settings directly (tests, embedding).
    public init(
        server: ServerSettings = ServerSettings(), logLevel: Logger.Level = .info,
        dataDirectory: String = CommonSettings.defaultDataDirectory, allowInsecureHTTP: Bool = false
    ) {
        self.server = server
        self.logLevel = logLevel
        self.dataDirectory = dataDirectory
        self.allowInsecureHTTP = allowInsecureHTTP
    }

    /// Reads and validates the common keys.
    ///
    /// Besides each key's own rule: the TLS certificate and key come together and must load;
    /// a non-loopback `server.host` without TLS needs `security.allow_insecure_http`.
    /// - Parameters:
    ///   - reader: collects values and problems.
    ///   - defaultPort: the role's port when `server.port` is not set.
    public init(reading reader: inout SettingsReader, defaultPort: Int = 8080) {
        let host = reader.string("server.host", default: ServerSettings.defaultHost)
        let port = reader.int("server.port", in: 0...65535, default: defaultPort)
        let tls = Self.readTLS(&reader)
        let level = reader.choice("log.level", default: Logger.Level.info)
        let dataDirectory = reader.string("data.directory", default: Self.defaultDataDirectory)
        let allowInsecureHTTP = reader.bool("security.allow_insecure_http", default: false)
        if allowInsecureHTTP {
            reader.warn(
                "security.allow_insecure_http is true: plain http is accepted for non-loopback issuers and endpoints (decisions X-11)"
            )
        }
        if tls == nil, !allowInsecureHTTP, !EndpointPolicy.isLoopback(host: host) {
            reader.report(
                "server.host",
                "a non-loopback address needs server.tls.certificate and server.tls.key, or security.allow_insecure_http (decisions X-11)"
            )
        }
        self.init(
            server: ServerSettings(host: host, port: port, tls: tls), logLevel: level,
            dataDirectory: dataDirectory, allowInsecureHTTP: allowInsecureHTTP
        )
    }

    private static func readTLS(_ reader: inout SettingsReader) -> TLSSettings? {
        let certificate = reader.optionalString("server.tls.certificate")
        let key = reader.optionalString("server.tls.key")
        switch (certificate, key) {
        case (nil, nil):
            return nil
        case (.some, nil):
            reader.report("server.tls.key", "must be set together with server.tls.certificate")
            return nil
        case (nil, .some):
            reader.report("server.tls.certificate", "must be set together with server.tls.key")
            return nil
        case (.some(let certificate), .some(let key)):
            let tls = TLSSettings(certificatePath: certificate, privateKeyPath: key)
            do {
                _ = try tls.makeChannelConfiguration()
            } catch {
                switch error {
                case .unreadable(let path): reader.report(path == certificate ? "server.tls.certificate" : "server.tls.key", error.description)
                case .invalidCertificate: reader.report("server.tls.certificate", error.description)
                case .invalidPrivateKey: reader.report("server.tls.key", error.description)
                }
            }
            return tls
        }
    }
}

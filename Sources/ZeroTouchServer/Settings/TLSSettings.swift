/// The PEM files HTTPS is served with (`server.tls.certificate`, `server.tls.key`).
public struct TLSSettings: Sendable, Equatable {
    /// The path of the PEM certificate chain, leaf first.
    public var certificatePath: String
    /// The path of the PEM private key. The path is not secret; the file's contents are.
    public var privateKeyPath: String

    /// Creates TLS settings from two file paths.
    /// - Parameters:
    ///   - certificatePath: the PEM certificate chain, leaf first.
    ///   - privateKeyPath: the PEM private key.
    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}

import Configuration
import Foundation
import HummingbirdTLS

extension TLSSettings {
    /// Why the TLS files could not be used. Descriptions name the file, never its contents.
    enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file is missing, unreadable or larger than 1 MiB.
        case unreadable(path: String)
        /// The certificate file holds no PEM certificate.
        case invalidCertificate(path: String)
        /// The key file holds no PEM private key usable with the certificate.
        case invalidPrivateKey(path: String)

        var description: String {
            switch self {
            case .unreadable(let path): "cannot read '\(path)'"
            case .invalidCertificate(let path): "'\(path)' is not a PEM certificate chain"
            case .invalidPrivateKey(let path): "'\(path)' is not a PEM private key"
            }
        }
    }

    /// Loads the files into Hummingbird's TLS configuration.
    ///
    /// The PEM text goes through `TLSChannelConfiguration(reader:)`, HummingbirdTLS's own loader,
    /// with the key marked secret, so no NIOSSL types leak into our API.
    /// - Throws: `TLSSettings.LoadError`.
    func makeChannelConfiguration() throws(LoadError) -> TLSChannelConfiguration {
        let certificatePEM = try Self.read(certificatePath)
        let keyPEM = try Self.read(privateKeyPath)
        guard (try? NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)))?.isEmpty == false else {
            throw .invalidCertificate(path: certificatePath)
        }
        let provider = InMemoryProvider(values: [
            AbsoluteConfigKey(["tls", "certificateChain"]): ConfigValue(.string(certificatePEM), isSecret: false),
            AbsoluteConfigKey(["tls", "privateKey"]): ConfigValue(.string(keyPEM), isSecret: true),
        ])
        do {
            return try TLSChannelConfiguration(reader: ConfigReader(provider: provider))
        } catch {
            throw .invalidPrivateKey(path: privateKeyPath)
        }
    }

    private static func read(_ path: String) throws(LoadError) -> String {
        let url = URL(fileURLWithPath: path)
        guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize, size <= 1024 * 1024,
            let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8)
        else { throw .unreadable(path: path) }
        return text
    }
}

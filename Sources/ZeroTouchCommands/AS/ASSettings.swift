import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchServer
import ZeroTouchStorage

/// The authorization server's configuration keys, on top of `CommonSettings`.
///
/// | key | default | env |
/// |---|---|---|
/// | `as.issuer` | `http://127.0.0.1:<port>` on a loopback listener; required otherwise | `ZEROTOUCH_AS_ISSUER` |
/// | `server.port` | `8081` | `ZEROTOUCH_SERVER_PORT` |
/// | `storage.url` | SQLite in `data.directory` | `ZEROTOUCH_STORAGE_URL` |
/// | `storage.encryption_key_file` | unset | `ZEROTOUCH_STORAGE_ENCRYPTION_KEY_FILE` |
struct ASSettings: Sendable {
    /// The port `zerotouch as serve` listens on by default.
    static let defaultPort = 8081

    var common: CommonSettings
    var issuer: Issuer?
    var storageURL: String?
    var encryptionKeyFile: String?

    /// Reads the keys, recording problems in `reader`.
    init(reading reader: inout SettingsReader) {
        common = CommonSettings(reading: &reader, defaultPort: Self.defaultPort)
        issuer = reader.optionalURL("as.issuer", policy: common.endpointPolicy).map { Issuer($0.absoluteString) }
        // A PostgreSQL URL carries its password: read as a secret, so the report shows `[secret]`.
        storageURL = reader.secret("storage.url")?.unredactedValue
        encryptionKeyFile = reader.optionalString("storage.encryption_key_file")
        if issuer == nil, !EndpointPolicy.isLoopback(host: common.server.host) {
            reader.report("as.issuer", "is required when server.host is not a loopback address")
        }
    }

    /// Loads the settings from `--config` (or `$ZEROTOUCH_CONFIG`) and the environment.
    /// - Throws: `ConfigurationLoadError` or `ConfigurationInvalid` listing every problem.
    static func load(configPath: String?, io: CommandIO) async throws -> ASSettings {
        let source = try await ConfigurationSource.load(filePath: configPath ?? io.environment["ZEROTOUCH_CONFIG"], environment: io.environment)
        return try SettingsReader.load(from: source) { reader in ASSettings(reading: &reader) }.settings
    }

    /// Opens the configured stores (SQLite in the data directory by default).
    /// - Throws: `StorageError`, or the database's errors.
    func openStores(environment: [String: String]) async throws -> StoreSet {
        let location = try StorageLocation(url: storageURL, dataDirectory: DataDirectory(path: common.dataDirectory))
        let encryption = try SigningKeyEncryption.configured(keyFilePath: encryptionKeyFile, environment: environment)
        return try await StoreFactory.open(location, encryption: encryption)
    }
}

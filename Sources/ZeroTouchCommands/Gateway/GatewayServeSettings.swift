import ZeroTouchResourceServer
import ZeroTouchServer

/// The keys of `zerotouch gateway serve`: `CommonSettings` (port 8090), the gateway keys
/// (`GatewaySettings`), and `storage.url` / `storage.encryption_key_file` for the audit trail
/// (SQLite in `data.directory` by default).
struct GatewayServeSettings: Sendable {
    static let defaultPort = 8090

    var common: CommonSettings
    var gateway: GatewaySettings
    var storageURL: String?
    var encryptionKeyFile: String?

    init(reading reader: inout SettingsReader) {
        common = CommonSettings(reading: &reader, defaultPort: Self.defaultPort)
        gateway = GatewaySettings(reading: &reader, endpointPolicy: common.endpointPolicy)
        // A PostgreSQL URL carries its password: read as a secret, so the report shows `[secret]`.
        storageURL = reader.secret("storage.url")?.unredactedValue
        encryptionKeyFile = reader.optionalString("storage.encryption_key_file")
    }

    /// Loads `--config` (or `$ZEROTOUCH_CONFIG`) under the environment.
    /// - Throws: `ConfigurationLoadError`, or `ConfigurationInvalid` listing every problem.
    static func load(configPath: String?, io: CommandIO) async throws -> GatewayServeSettings {
        let source = try await ConfigurationSource.load(filePath: configPath ?? io.environment["ZEROTOUCH_CONFIG"], environment: io.environment)
        return try SettingsReader.load(from: source) { reader in GatewayServeSettings(reading: &reader) }.settings
    }
}

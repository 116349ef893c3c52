import ArgumentParser
import Foundation
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchServer
import ZeroTouchStorage

/// The IdP's configuration as the CLI reads it: `IdPSettings` plus where its data lives.
///
/// | key | default | env |
/// |---|---|---|
/// | `idp.*`, `server.*`, … | see `IdPSettings` (port 9400) | `ZEROTOUCH_IDP_…` |
/// | `storage.url` | SQLite in `data.directory` | `ZEROTOUCH_STORAGE_URL` |
/// | `storage.encryption_key_file` | unset (required for PostgreSQL) | `ZEROTOUCH_STORAGE_ENCRYPTION_KEY_FILE` |
struct IdPCommandSettings: Sendable {
    var idp: IdPSettings
    var storageURL: String?
    var encryptionKeyFile: String?

    init(reading reader: inout SettingsReader) {
        idp = IdPSettings(reading: &reader)
        // A PostgreSQL URL carries its password: read as a secret, so the report shows `[secret]`.
        storageURL = reader.secret("storage.url")?.unredactedValue
        encryptionKeyFile = reader.optionalString("storage.encryption_key_file")
    }

    /// Loads `--config` (or `$ZEROTOUCH_CONFIG`) under the environment.
    /// - Throws: `ConfigurationLoadError`, or `ConfigurationInvalid` listing every problem.
    static func load(configPath: String?, io: CommandIO) async throws -> IdPCommandSettings {
        let source = try await ConfigurationSource.load(filePath: configPath ?? io.environment["ZEROTOUCH_CONFIG"], environment: io.environment)
        return try SettingsReader.load(from: source) { reader in IdPCommandSettings(reading: &reader) }.settings
    }

    /// Opens the configured stores.
    /// - Throws: `StorageError`, or the database's errors.
    func openStores(environment: [String: String]) async throws -> StoreSet {
        let location = try StorageLocation(url: storageURL, dataDirectory: DataDirectory(path: idp.common.dataDirectory))
        let encryption = try SigningKeyEncryption.configured(keyFilePath: encryptionKeyFile, environment: environment)
        return try await StoreFactory.open(location, encryption: encryption)
    }

    /// The registry over `stores`, hashing new passwords at the configured bcrypt cost.
    func registry(on stores: StoreSet) async throws -> IdPRegistry {
        try await IdPRegistry(
            store: stores.documents, passwordHasher: PasswordHasher(cost: UInt8(idp.bcryptCost)), endpointPolicy: idp.common.endpointPolicy)
    }
}

/// The options every `zerotouch admin` and `zerotouch keys` command shares, and the stores they open:
/// the configured database, directly, so that a running IdP sees the change at its next reload.
struct IdPStoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The YAML configuration file (default: $ZEROTOUCH_CONFIG).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Who makes the change, recorded in the audit trail (default: cli:$USER).", valueName: "name"))
    var actor: String?

    /// Runs `body` with the settings, the stores and the registry, then closes the stores.
    func withRegistry<T>(_ body: (IdPCommandSettings, StoreSet, IdPRegistry) async throws -> T) async throws -> T {
        let io = CommandIO.current
        let settings = try await IdPCommandSettings.load(configPath: config, io: io)
        let stores = try await settings.openStores(environment: io.environment)
        do {
            let value = try await body(settings, stores, try await settings.registry(on: stores))
            try await stores.close()
            return value
        } catch {
            try? await stores.close()
            throw error
        }
    }

    /// The audit actor.
    var auditActor: String { actor ?? "cli:" + (CommandIO.current.environment["USER"] ?? "unknown") }
}

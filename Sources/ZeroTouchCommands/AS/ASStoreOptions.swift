import ArgumentParser
import ZeroTouchAS
import ZeroTouchServer
import ZeroTouchStorage

/// The options every `zerotouch as` admin command shares, and the registry they work on: the
/// configured database (SQLite in the data directory by default), opened directly so that a
/// running server sees the change at its next reload.
struct ASStoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The YAML configuration file (default: $ZEROTOUCH_CONFIG).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Who makes the change, recorded in the audit trail (default: $USER).", valueName: "name"))
    var actor: String?

    /// Runs `body` with the registry over the configured stores, then closes them.
    func withRegistry<T>(_ body: (ASRegistry, StoreSet) async throws -> T) async throws -> T {
        let io = CommandIO.current
        let settings = try await ASSettings.load(configPath: config, io: io)
        let stores = try await settings.openStores(environment: io.environment)
        do {
            let registry = try await ASRegistry(store: stores.documents, endpointPolicy: settings.common.endpointPolicy)
            let value = try await body(registry, stores)
            try await stores.close()
            return value
        } catch {
            try? await stores.close()
            throw error
        }
    }

    /// The audit actor: `cli:<name>`.
    var auditActor: String { "cli:" + (actor ?? CommandIO.current.environment["USER"] ?? "unknown") }
}

public import Configuration
public import Foundation

/// Where a role's configuration comes from: one YAML file, overridden by environment variables.
///
/// Built on apple/swift-configuration because Hummingbird already depends on it (no new
/// dependency), it layers providers natively (environment above file, first match wins), and it
/// marks values as secret so its own diagnostics redact them.
///
/// A key `server.port` is read from the YAML path `server: { port: … }` and overridden by the
/// environment variable `ZEROTOUCH_SERVER_PORT`: the key upper-cased, dots (and other
/// non-alphanumerics) as underscores, with the `ZEROTOUCH_` prefix. Only `ZEROTOUCH_*` variables
/// are handed to the provider.
public struct ConfigurationSource: Sendable {
    /// The prefix of every environment variable ZeroTouch reads.
    public static let environmentPrefix = "ZEROTOUCH_"

    /// The layered reader.
    public let reader: ConfigReader
    /// The YAML file, when one was loaded.
    public let filePath: String?
    /// Names of the `ZEROTOUCH_*` variables present, to tell which values came from the environment.
    let environmentNames: Set<String>

    /// Wraps a reader made elsewhere (an `InMemoryProvider` in tests, for instance).
    /// - Parameters:
    ///   - reader: the reader.
    ///   - filePath: the file it was loaded from, shown in reports.
    public init(reader: ConfigReader, filePath: String? = nil) {
        self.init(reader: reader, filePath: filePath, environmentNames: [])
    }

    init(reader: ConfigReader, filePath: String?, environmentNames: Set<String>) {
        self.reader = reader
        self.filePath = filePath
        self.environmentNames = environmentNames
    }

    /// Loads `filePath` (if any) under the `ZEROTOUCH_*` variables of `environment`.
    /// - Parameters:
    ///   - filePath: the YAML file; `nil` reads the environment only.
    ///   - environment: the process environment (injectable for tests).
    /// - Throws: `ConfigurationLoadError` when the file is missing or is not a YAML mapping.
    public static func load(
        filePath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(ConfigurationLoadError) -> ConfigurationSource {
        let variables = environment.filter { $0.key.uppercased().hasPrefix(environmentPrefix) }
        let environmentProvider = EnvironmentVariablesProvider(environmentVariables: variables)
            .prefixKeys(with: ConfigKey(["zerotouch"]))
        var providers: [any ConfigProvider] = [environmentProvider]
        if let filePath {
            guard FileManager.default.isReadableFile(atPath: filePath) else { throw .fileNotFound(path: filePath) }
            // FileProvider's ConfigReader initializer reads the path from the `filePath` key.
            let locator = ConfigReader(
                provider: InMemoryProvider(values: [AbsoluteConfigKey(["filePath"]): ConfigValue(.string(filePath), isSecret: false)])
            )
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(config: locator))
            } catch {
                throw .notAYAMLMapping(path: filePath)
            }
        }
        return ConfigurationSource(
            reader: ConfigReader(providers: providers),
            filePath: filePath,
            environmentNames: Set(variables.keys.map { $0.uppercased() })
        )
    }

    /// The environment variable that overrides `key`: `server.port` → `ZEROTOUCH_SERVER_PORT`.
    ///
    /// Mirrors swift-configuration's environment key encoding: a lowercase-to-uppercase boundary
    /// gets an underscore, letters are upper-cased, anything not alphanumeric becomes `_`.
    public static func environmentVariableName(for key: String) -> String {
        var name = environmentPrefix
        var previous: Character?
        for character in key {
            if let previous, previous.isLowercase, character.isUppercase { name += "_" }
            name += character.isLetter || character.isNumber ? character.uppercased() : "_"
            previous = character
        }
        return name
    }
}

import Configuration
import Foundation
import ZeroTouchServer

/// Writes a YAML file in a fresh temporary directory and loads it with an injected environment.
struct ConfigurationFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zt-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` in the fixture directory and returns its path.
    func write(_ contents: String, to name: String = "zerotouch.yaml") throws -> String {
        let path = directory.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Loads `yaml` (when given) under `environment`.
    func source(yaml: String?, environment: [String: String] = [:]) async throws -> ConfigurationSource {
        let path = try yaml.map { try write($0) }
        return try await ConfigurationSource.load(filePath: path, environment: environment)
    }

    /// Reads `CommonSettings` from `yaml` and `environment`; returns the report either way.
    func common(
        yaml: String?, environment: [String: String] = [:]
    ) async throws -> (settings: CommonSettings?, report: ConfigurationReport) {
        let source = try await source(yaml: yaml, environment: environment)
        do {
            let (settings, report) = try SettingsReader.load(from: source) { CommonSettings(reading: &$0) }
            return (settings, report)
        } catch {
            return (nil, error.report)
        }
    }

    /// Runs `build` over in-memory values (keys as written, all strings) and returns the report.
    static func read<Value>(
        _ values: [String: String], _ build: (inout SettingsReader) -> Value
    ) -> (value: Value?, report: ConfigurationReport) {
        let entries = values.map { (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue(.string($0.value), isSecret: false)) }
        let provider = InMemoryProvider(values: Dictionary(uniqueKeysWithValues: entries))
        let source = ConfigurationSource(reader: ConfigReader(provider: provider))
        do {
            let (value, report) = try SettingsReader.load(from: source, build)
            return (value, report)
        } catch {
            return (nil, error.report)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

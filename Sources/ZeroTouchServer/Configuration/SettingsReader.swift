import Configuration
import Foundation

/// Reads and validates configuration keys, collecting every problem instead of stopping at the first.
///
/// Each accessor returns a usable value: the configured one, the default, or — when the value is
/// missing or invalid — a placeholder, after recording a `ConfigurationProblem` that names the key
/// and its environment variable. `load(from:_:)` throws if any problem was recorded, so a
/// placeholder never leaves it. A key read without a `default` is required.
///
/// ```swift
/// let (settings, report) = try SettingsReader.load(from: source) { reader in
///     let common = CommonSettings(reading: &reader)
///     let issuer = reader.url("idp.issuer", policy: common.endpointPolicy)
///     let lifetime = reader.duration("idp.id_jag_lifetime", in: .seconds(1)...(.seconds(600)), default: .seconds(300))
///     return IdPSettings(common: common, issuer: issuer, lifetime: lifetime)
/// }
/// ```
/// Values are trimmed; an empty value counts as not set. Secrets are read with `isSecret: true`
/// and appear as `[secret]` in the report.
public struct SettingsReader {
    private let source: ConfigurationSource
    private var entries: [String: ConfigurationEntry] = [:]
    private var problems: [ConfigurationProblem] = []
    private var warnings: [String] = []

    private init(source: ConfigurationSource) { self.source = source }

    /// Runs `build` over the source and returns its settings with the redacted report.
    /// - Parameters:
    ///   - source: the layered configuration.
    ///   - build: reads the keys it needs; may call `report(_:_:)` for cross-key rules.
    /// - Throws: `ConfigurationInvalid` listing every problem, when there is at least one.
    public static func load<Settings>(
        from source: ConfigurationSource, _ build: (inout SettingsReader) -> Settings
    ) throws(ConfigurationInvalid) -> (settings: Settings, report: ConfigurationReport) {
        var reader = SettingsReader(source: source)
        let settings = build(&reader)
        let report = reader.report
        guard report.isValid else { throw ConfigurationInvalid(report: report) }
        return (settings, report)
    }

    /// What was read so far, redacted.
    var report: ConfigurationReport {
        ConfigurationReport(
            filePath: source.filePath,
            entries: entries.values.sorted { $0.key < $1.key },
            problems: problems,
            warnings: warnings
        )
    }

    /// Records a problem with `key` found by a rule across keys.
    /// - Parameters:
    ///   - key: the key to blame.
    ///   - message: what is wrong, without quoting any secret.
    public mutating func report(_ key: String, _ message: String) {
        problems.append(ConfigurationProblem(key: key, message: message))
    }

    /// Records a warning shown in the report (a valid but dangerous setting).
    public mutating func warn(_ message: String) {
        warnings.append(message)
    }

    // MARK: Strings, booleans, secrets

    /// A string; required unless `default` is given.
    public mutating func string(_ key: String, default defaultValue: String? = nil) -> String {
        read(key, default: defaultValue, placeholder: "", display: { $0 }) { .success($0) }
    }

    /// A string that may be absent.
    public mutating func optionalString(_ key: String) -> String? {
        readOptional(key, display: { $0 }) { .success($0) }
    }

    /// A boolean: `true`/`false`, `yes`/`no`, `on`/`off` or `1`/`0`.
    public mutating func bool(_ key: String, default defaultValue: Bool) -> Bool {
        read(key, default: defaultValue, placeholder: defaultValue, display: { String($0) }) { text in
            switch text.lowercased() {
            case "true", "yes", "on", "1": .success(true)
            case "false", "no", "off", "0": .success(false)
            default: .failure("must be true or false")
            }
        }
    }

    /// A secret that may be absent; shown as `[secret]`.
    public mutating func secret(_ key: String) -> SecretString? {
        readOptional(key, isSecret: true, display: { $0.description }) { .success(SecretString($0)) }
    }

    /// A required secret; shown as `[secret]`.
    public mutating func requiredSecret(_ key: String) -> SecretString {
        read(key, isSecret: true, default: nil, placeholder: SecretString(""), display: { $0.description }) {
            .success(SecretString($0))
        }
    }

    // MARK: Lookup

    /// Reads, parses and records `key`; a missing required key or a parse failure is a problem.
    mutating func read<Value>(
        _ key: String, isSecret: Bool = false, default defaultValue: Value?, placeholder: Value,
        display: (Value) -> String, parse: (String) -> Result<Value, ParseFailure>
    ) -> Value {
        if let value = readOptional(key, isSecret: isSecret, display: display, parse: parse) { return value }
        if entries[key]?.origin != .unset { return defaultValue ?? placeholder }
        if let defaultValue {
            entries[key] = ConfigurationEntry(key: key, displayValue: display(defaultValue), origin: .default)
            return defaultValue
        }
        report(key, "is required")
        return placeholder
    }

    /// Reads, parses and records `key`; `nil` when absent or invalid (invalid is also a problem).
    mutating func readOptional<Value>(
        _ key: String, isSecret: Bool = false, display: (Value) -> String,
        parse: (String) -> Result<Value, ParseFailure>
    ) -> Value? {
        let configKey = ConfigKey(key)
        let raw = source.reader.string(forKey: configKey, isSecret: isSecret)?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw, !raw.isEmpty else {
            if source.reader.stringArray(forKey: configKey, isSecret: isSecret) != nil {
                entries[key] = ConfigurationEntry(key: key, displayValue: isSecret ? "[secret]" : "(a list)", origin: .file)
                report(key, "must be a single value, not a list")
            } else {
                entries[key] = ConfigurationEntry(key: key, displayValue: nil, origin: .unset)
            }
            return nil
        }
        let origin: ConfigurationEntry.Origin =
            source.environmentNames.contains(ConfigurationSource.environmentVariableName(for: key)) ? .environment : .file
        switch parse(raw) {
        case .success(let value):
            entries[key] = ConfigurationEntry(key: key, displayValue: display(value), origin: origin)
            return value
        case .failure(let failure):
            let shown = isSecret ? "[secret]" : (failure.hideValue ? "[redacted]" : raw)
            entries[key] = ConfigurationEntry(key: key, displayValue: shown, origin: origin)
            report(key, failure.message)
            return nil
        }
    }

    /// Why a raw value was refused; `hideValue` keeps the raw text out of the report.
    struct ParseFailure: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
        var message: String
        var hideValue = false

        init(_ message: String, hideValue: Bool) {
            self.message = message
            self.hideValue = hideValue
        }

        init(stringLiteral value: String) { self.message = value }
    }
}

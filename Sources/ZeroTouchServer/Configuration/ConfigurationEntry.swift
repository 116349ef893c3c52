/// One key as it was read: its displayed value (`[secret]` for secrets) and where it came from.
public struct ConfigurationEntry: Sendable, Equatable {
    /// Where a value came from.
    public enum Origin: String, Sendable {
        /// A `ZEROTOUCH_*` environment variable.
        case environment
        /// The configuration file (or the reader the source was made with).
        case file
        /// The built-in default.
        case `default`
        /// Not set, and no default.
        case unset = "not set"
    }

    /// The configuration key, such as `server.port`.
    public var key: String
    /// The value as shown: `[secret]` for a secret that is set, `nil` when unset.
    public var displayValue: String?
    /// Where the value came from.
    public var origin: Origin
    /// The variable that overrides the key.
    public var environmentVariable: String { ConfigurationSource.environmentVariableName(for: key) }
}

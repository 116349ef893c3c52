/// Why the configuration could not be loaded at all.
public enum ConfigurationLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case fileNotFound(path: String)
    /// The file is not YAML, or its top level is not a mapping. Its contents are never quoted,
    /// since it may hold secrets.
    case notAYAMLMapping(path: String)

    /// A one-line explanation naming the file.
    public var description: String {
        switch self {
        case .fileNotFound(let path): "configuration file '\(path)' does not exist or cannot be read"
        case .notAYAMLMapping(let path): "configuration file '\(path)' is not a YAML mapping"
        }
    }
}

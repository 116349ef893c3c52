import Foundation

/// Which database holds a deployment's state, as `storage.url` selects it (issue 8 item 1).
///
/// | `storage.url` | location |
/// |---|---|
/// | unset, empty, `sqlite:` | SQLite in the configured data directory |
/// | `sqlite:PATH`, `sqlite:///ABSOLUTE`, or a path (`/…`, `./…`, `../…`, `~/…`) | SQLite in that directory |
/// | `postgres://…`, `postgresql://…` | PostgreSQL, see `PostgresConfiguration` |
///
/// `description` never shows a password, so the location can be logged at startup.
public enum StorageLocation: Sendable, Equatable, CustomStringConvertible {
    /// One SQLite file in a data directory: a single process, or processes on one machine.
    case sqlite(DataDirectory)
    /// A PostgreSQL database shared by every replica.
    case postgres(PostgresConfiguration)

    /// Resolves `url`.
    /// - Parameters:
    ///   - url: `storage.url` from configuration, if set.
    ///   - dataDirectory: the data directory SQLite uses when `url` names none.
    /// - Throws: `StorageError.invalidStorageURL` for another scheme or a malformed PostgreSQL URL.
    public init(url: String?, dataDirectory: DataDirectory) throws {
        let text = (url ?? "").trimmingCharacters(in: .whitespaces)
        let lowercased = text.lowercased()
        if text.isEmpty {
            self = .sqlite(dataDirectory)
        } else if lowercased.hasPrefix("postgres://") || lowercased.hasPrefix("postgresql://") {
            self = .postgres(try PostgresConfiguration(url: text))
        } else if lowercased.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") {
                guard path.hasPrefix("///") else {
                    throw StorageError.invalidStorageURL(reason: "use sqlite:PATH or sqlite:///ABSOLUTE-PATH")
                }
                path.removeFirst(2)
            }
            self = .sqlite(path.isEmpty ? dataDirectory : DataDirectory(path: path))
        } else if ["/", "./", "../", "~"].contains(where: text.hasPrefix) {
            self = .sqlite(DataDirectory(path: text))
        } else {
            throw StorageError.invalidStorageURL(reason: "it must start with sqlite:, postgres:// or be a directory path")
        }
    }

    /// `sqlite:<directory>` or the PostgreSQL URL with the password redacted.
    public var description: String {
        switch self {
        case .sqlite(let directory): "sqlite:\(directory.path)"
        case .postgres(let configuration): configuration.description
        }
    }
}

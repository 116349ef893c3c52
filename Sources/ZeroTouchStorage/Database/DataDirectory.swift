public import Foundation

/// The directory that holds a deployment's state: the SQLite database (with its `-wal` and `-shm`
/// files). The CLI resolves it from `--data-dir` or configuration; without either it is
/// `./.zerotouch` under the working directory.
public struct DataDirectory: Sendable, Equatable, CustomStringConvertible {
    /// The directory used when none is configured, relative to the working directory.
    public static let defaultPath = ".zerotouch"
    /// The name of the database file inside the directory.
    public static let databaseFileName = "zerotouch.sqlite"

    /// The absolute, standardized location of the directory.
    public let url: URL

    /// Resolves `path` to an absolute directory.
    /// - Parameters:
    ///   - path: an absolute path, a path relative to `base`, or a path starting with `~/`;
    ///     `nil` or empty selects `DataDirectory.defaultPath`.
    ///   - base: what a relative path is resolved against; the working directory by default.
    public init(path: String? = nil, relativeTo base: URL? = nil) {
        var resolved = path.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath
        if resolved == "~" || resolved.hasPrefix("~/") {
            resolved = FileManager.default.homeDirectoryForCurrentUser.path + resolved.dropFirst()
        }
        let base = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        url = URL(fileURLWithPath: resolved, isDirectory: true, relativeTo: base).absoluteURL.standardizedFileURL
    }

    /// The absolute path of the directory.
    public var path: String { url.path }

    /// The absolute path of the SQLite database file.
    public var databasePath: String { url.appendingPathComponent(Self.databaseFileName).path }

    /// The absolute path, for log lines and error messages.
    public var description: String { path }

    /// Creates the directory with mode `0700` (parents included) if it is missing; otherwise
    /// checks that it is a directory no other user can write.
    /// - Throws: `StorageError.notADirectory`, `StorageError.dataDirectoryWritableByOthers`, or the
    ///   file system's error.
    public func create() throws {
        try PrivateFiles.prepareDirectory(atPath: path)
    }
}

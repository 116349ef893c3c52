import Foundation
import GRDB
import ZeroTouchStorage

/// Opens a demo server's own SQLite file in the data directory (WAL mode, foreign keys on) and
/// applies its migrations.
enum DemoDatabase {
    static func open(named name: String, in directory: DataDirectory, migrator: DatabaseMigrator) throws -> DatabasePool {
        try directory.create()
        var configuration = Configuration()
        configuration.label = "ZeroTouchDemo.\(name)"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let path = directory.url.appendingPathComponent("demo-\(name).sqlite").path
        // Created owner-only (0600) before SQLite opens it; its -wal and -shm files inherit the mode.
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }

    /// `text` as a `LIKE` pattern matching it anywhere, with `%`, `_` and `\` escaped.
    static func containsPattern(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "%\(escaped)%"
    }
}

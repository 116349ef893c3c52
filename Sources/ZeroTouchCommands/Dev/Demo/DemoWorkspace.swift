import Foundation
import ZeroTouchStorage

/// The demo's temporary directory (0700): a data directory per start attempt and the users'
/// credentials files. Removed at the end, whatever happened.
struct DemoWorkspace {
    let root: URL

    /// Creates `$TMPDIR/zerotouch-demo-<random>`.
    static func make() throws -> DemoWorkspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zerotouch-demo-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return DemoWorkspace(root: root)
    }

    /// A fresh data directory for start attempt `attempt`.
    func dataDirectory(attempt: Int) -> DataDirectory { DataDirectory(path: root.appendingPathComponent("data-\(attempt)").path) }

    /// Where the users' credentials files go (0700).
    func sessionsDirectory() throws -> URL {
        let url = root.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }

    /// Deletes everything.
    func remove() { try? FileManager.default.removeItem(at: root) }
}

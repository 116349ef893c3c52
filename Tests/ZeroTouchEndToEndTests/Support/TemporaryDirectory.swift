import Foundation

/// A private (0700) directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory: Sendable {
    let url: URL

    init(_ label: String = "e2e") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("zerotouch-\(label)-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// A subdirectory (created, 0700).
    func subdirectory(_ name: String) throws -> URL {
        let child = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: child, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return child
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

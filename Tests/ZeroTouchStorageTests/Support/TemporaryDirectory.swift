import Foundation

/// Runs `body` with a new, unique directory under the system's temporary directory and removes
/// the directory (with everything in it) afterwards, so tests run in parallel without clashing.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("zerotouch-storage-\(UUID().uuidString.lowercased())", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}

import Foundation

#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Musl)
import Musl
private let posixWrite = Musl.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Files only their owner may read: created `0600` inside a `0700` directory, written to a
/// temporary file that is renamed into place (so a reader never sees half a file), and refused on
/// read when group or others may access them (as OpenSSH does with private keys; C-34, C-35).
enum PrivateFile {
    enum Failure: Error, CustomStringConvertible {
        case unsafePermissions(path: String, mode: UInt16)
        case system(operation: String, path: String, errno: Int32)

        var description: String {
            switch self {
            case .unsafePermissions(let path, let mode):
                "\(path) has permissions \(String(mode, radix: 8)); run `chmod 600 \(path)`"
            case .system(let operation, let path, let code):
                "\(operation) \(path) failed: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The contents of `url`, or `nil` when it does not exist.
    /// - Throws: `Failure`.
    static func read(_ url: URL) throws(Failure) -> Data? {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .system(operation: "stat", path: url.path, errno: errno)
        }
        let mode = UInt16(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw .unsafePermissions(path: url.path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .system(operation: "read", path: url.path, errno: errno)
        }
        return data
    }

    /// Writes `data` to `url` with mode 0600, creating the directory with mode 0700.
    /// - Throws: `Failure`.
    static func write(_ data: Data, to url: URL) throws(Failure) {
        let directory = url.deletingLastPathComponent().path
        if mkdir(directory, 0o700) != 0, errno != EEXIST {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .system(operation: "mkdir", path: directory, errno: errno)
            }
        }
        let temporary = url.path + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .system(operation: "create", path: temporary, errno: errno) }
        let written = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { posixWrite(descriptor, $0, buffer.count) } ?? 0
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count, synced else {
            unlink(temporary)
            throw .system(operation: "write", path: temporary, errno: errno)
        }
        guard rename(temporary, url.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system(operation: "rename", path: url.path, errno: code)
        }
    }

    /// Deletes `url`; a missing file is fine.
    /// - Throws: `Failure`.
    static func delete(_ url: URL) throws(Failure) {
        guard unlink(url.path) == 0 || errno == ENOENT else { throw .system(operation: "delete", path: url.path, errno: errno) }
    }
}

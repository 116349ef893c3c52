import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX helpers that create the data directory and the database file readable by their owner only.
///
/// The database holds private signing keys (`StoredSigningKey.privateKeyPEM`) and the audit trail,
/// so the directory is created `0700` and the file `0600`; SQLite gives its `-wal` and `-shm`
/// companions the mode of the database file.
enum PrivateFiles {
    /// Mode of a directory only its owner may enter.
    static let directoryMode: mode_t = 0o700
    /// Mode of a file only its owner may read and write.
    static let fileMode: mode_t = 0o600

    /// Creates the directory at `path` (and its missing parents) with mode `0700`, or checks the
    /// existing one: it must be a directory that neither its group nor others can write.
    /// - Throws: `StorageError.notADirectory`, `StorageError.dataDirectoryWritableByOthers`, or a
    ///   Foundation error when the directory cannot be created.
    static func prepareDirectory(atPath path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw StorageError.notADirectory(path: path) }
            let permissions = status.st_mode & 0o7777
            guard permissions & 0o022 == 0 else {
                throw StorageError.dataDirectoryWritableByOthers(path: path, mode: UInt16(permissions))
            }
            return
        }
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true,
            attributes: [.posixPermissions: Int(directoryMode)])
        // The umask may have removed bits from the mode given to mkdir; set it exactly.
        guard chmod(path, directoryMode) == 0 else { throw posixError(path) }
    }

    /// Creates the file at `path` with mode `0600` if it does not exist; tightens an existing
    /// file (and its SQLite `-wal`/`-shm` companions) to `0600`.
    /// - Throws: a POSIX error when the file cannot be created or its mode cannot be set.
    static func preparePrivateFile(atPath path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, fileMode)
        if descriptor >= 0 {
            defer { close(descriptor) }
            guard fchmod(descriptor, fileMode) == 0 else { throw posixError(path) }
            return
        }
        guard errno == EEXIST else { throw posixError(path) }
        for file in [path, path + "-wal", path + "-shm"] {
            var status = stat()
            guard stat(file, &status) == 0 else { continue }
            if status.st_mode & 0o7777 != fileMode, chmod(file, fileMode) != 0 { throw posixError(file) }
        }
    }

    private static func posixError(_ path: String) -> any Error {
        let code = errno
        return CocoaError(.fileWriteUnknown, userInfo: [
            NSFilePathErrorKey: path,
            NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code)),
        ])
    }
}

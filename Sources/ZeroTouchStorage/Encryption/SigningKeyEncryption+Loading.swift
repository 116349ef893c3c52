public import Foundation

extension SigningKeyEncryption {
    /// The largest key file read: a key is 44 to 64 characters, so anything bigger is the wrong file.
    static let maximumKeyFileSize = 1024

    /// Reads the key from the file at `path` (its whole content, as `init(encodedKey:)` takes it).
    /// - Throws: `StorageError.invalidEncryptionKey` when the file is missing, unreadable, too
    ///   large, or does not hold a key; the reason names the path, never the content.
    public init(keyFileAtPath path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StorageError.invalidEncryptionKey(reason: "cannot read the key file \(path)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Self.maximumKeyFileSize + 1)) ?? Data()
        guard data.count <= Self.maximumKeyFileSize else {
            throw StorageError.invalidEncryptionKey(reason: "the key file \(path) is larger than \(Self.maximumKeyFileSize) bytes")
        }
        do {
            try self.init(encodedKey: String(decoding: data, as: UTF8.self))
        } catch {
            throw StorageError.invalidEncryptionKey(reason: "the key file \(path) must hold 32 random bytes in base64 or hex")
        }
    }

    /// The key configured for this process: the file at `keyFilePath` when given, otherwise the
    /// `ZEROTOUCH_STORAGE_ENCRYPTION_KEY` variable of `environment`, otherwise `nil`.
    /// - Parameters:
    ///   - keyFilePath: `storage.encryption_key_file` from configuration, if set.
    ///   - environment: the process environment (tests pass their own).
    /// - Throws: `StorageError.invalidEncryptionKey` when the configured key is unusable.
    public static func configured(
        keyFilePath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> SigningKeyEncryption? {
        if let keyFilePath, !keyFilePath.isEmpty {
            return try SigningKeyEncryption(keyFileAtPath: keyFilePath)
        }
        guard let value = environment[environmentVariable], !value.isEmpty else { return nil }
        do {
            return try SigningKeyEncryption(encodedKey: value)
        } catch {
            throw StorageError.invalidEncryptionKey(reason: "\(environmentVariable) must hold 32 random bytes in base64 or hex")
        }
    }
}

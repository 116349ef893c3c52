public import ZeroTouchCore

/// A failure of the storage layer that is not a store protocol's own error (`DocumentStoreError`).
///
/// Descriptions name collections, ids, paths and sizes only; never a document body, a key or
/// anything else a record holds.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A document body exceeds `StorageLimits.maximumDocumentBodySize`; nothing was applied.
    case documentTooLarge(collection: String, id: String, size: Int, limit: Int)
    /// An audit record's encoded `details` exceed `StorageLimits.maximumAuditDetailsSize`; nothing was written.
    case auditDetailsTooLarge(auditID: String, size: Int, limit: Int)
    /// `AuditQuery.cursor` is not a cursor this store returned.
    case invalidCursor
    /// `SigningKeyStore.replaceAll` was given two keys with the same `kid` (RFC 7517 §4.5); nothing was replaced.
    case duplicateKeyID(owner: String, keyID: KeyID)
    /// The data directory path exists but is not a directory.
    case notADirectory(path: String)
    /// The data directory can be written by its group or by others, so someone else could swap the database.
    case dataDirectoryWritableByOthers(path: String, mode: UInt16)
    /// A stored row holds a value this version cannot read (a damaged or newer database).
    case unreadableRow(table: String, column: String)
    /// The database server cannot serve the operation now; nothing can be assumed about its outcome
    /// for a write. Callers fail closed and the HTTP layer answers 503 (RFC 9110 §15.6.4).
    case unavailable(StorageUnavailability)
    /// The database server rejected a statement; `sqlState` is its SQLSTATE code (e.g. `23505`).
    case statementFailed(sqlState: String)
    /// `storage.url` is not a URL this build can use; `reason` never quotes the password.
    case invalidStorageURL(reason: String)
    /// Signing keys are stored in a shared database, which requires an encryption key (issue 8 item 3).
    case missingEncryptionKey
    /// The configured signing-key encryption key is unusable; `reason` never quotes the key.
    case invalidEncryptionKey(reason: String)
    /// A stored private key was sealed under another encryption key than the configured one.
    case signingKeyEncryptedUnderOtherKey(owner: String, keyID: KeyID, keyFingerprint: String)
    /// A stored private key failed to decrypt: the row was altered or moved to another owner or kid.
    case signingKeyDecryptionFailed(owner: String, keyID: KeyID)

    /// A log-safe sentence naming what failed and where.
    public var description: String {
        switch self {
        case .documentTooLarge(let collection, let id, let size, let limit):
            "document \(collection)/\(id) is \(size) bytes, more than the limit of \(limit) bytes"
        case .auditDetailsTooLarge(let auditID, let size, let limit):
            "audit record \(auditID) has \(size) bytes of details, more than the limit of \(limit) bytes"
        case .invalidCursor:
            "the audit cursor is not one this store returned"
        case .duplicateKeyID(let owner, let keyID):
            "the signing keys of \(owner) contain kid \(keyID) more than once"
        case .notADirectory(let path):
            "the data directory \(path) exists and is not a directory"
        case .dataDirectoryWritableByOthers(let path, let mode):
            "the data directory \(path) has mode \(String(mode, radix: 8)) and can be written by other users; run chmod 700 on it"
        case .unreadableRow(let table, let column):
            "a row of \(table) holds an unreadable \(column)"
        case .unavailable(let reason):
            "storage unavailable: \(reason)"
        case .statementFailed(let sqlState):
            "the database rejected a statement (SQLSTATE \(sqlState))"
        case .invalidStorageURL(let reason):
            "storage.url is invalid: \(reason)"
        case .missingEncryptionKey:
            "a shared database needs a signing-key encryption key: set \(SigningKeyEncryption.environmentVariable) or storage.encryption_key_file"
        case .invalidEncryptionKey(let reason):
            "the signing-key encryption key is unusable: \(reason)"
        case .signingKeyEncryptedUnderOtherKey(let owner, let keyID, let fingerprint):
            "the private key of kid \(keyID) of \(owner) is encrypted under key \(fingerprint), not the configured encryption key"
        case .signingKeyDecryptionFailed(let owner, let keyID):
            "the private key of kid \(keyID) of \(owner) failed to decrypt: the row was altered or the encryption key is wrong"
        }
    }
}

extension StorageError: StoreAvailabilityError {
    /// `true` for `.unavailable`: the HTTP layer answers 503 and the pool keeps reconnecting.
    public var isTemporarilyUnavailable: Bool {
        if case .unavailable = self { return true }
        return false
    }
}

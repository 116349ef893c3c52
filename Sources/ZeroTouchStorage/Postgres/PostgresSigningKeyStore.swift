import Foundation
import PostgresNIO
public import ZeroTouchCore

/// Each role's signing keys in PostgreSQL's `signing_keys` table, shared by the replicas so that
/// any of them signs with the active key and all publish the same JWKS (issue 8 item 3).
///
/// The private key never reaches the database in the clear: each is sealed with
/// `SigningKeyEncryption` (AES-256-GCM, bound to its owner, `kid` and algorithm) before the
/// insert and opened after the select, with the key given to every replica by file or environment.
public struct PostgresSigningKeyStore: SigningKeyStore {
    private let database: PostgresDatabase
    private let encryption: SigningKeyEncryption

    /// A key store over `database` (started) that seals private keys with `encryption`.
    public init(database: PostgresDatabase, encryption: SigningKeyEncryption) {
        self.database = database
        self.encryption = encryption
    }

    /// Every key of `owner`, oldest first (by `createdAt`, then `kid`), with its private key opened.
    /// - Throws: `StorageError.signingKeyEncryptedUnderOtherKey` or `.signingKeyDecryptionFailed`
    ///   when a stored key cannot be opened with the configured key; `StorageError.unavailable`.
    public func keys(owner: String) async throws -> [StoredSigningKey] {
        let logger = database.statementLogger
        let rows: [SealedRow] = try await database.withConnection { connection in
            var rows: [SealedRow] = []
            let result = try await connection.query(
                """
                SELECT kid, algorithm, sealed_private_key, created_at, retired_at, publish_until
                FROM signing_keys WHERE owner = \(owner) ORDER BY created_at, kid
                """,
                logger: logger)
            for try await row in result.decode((String, String, String, Int64, Int64?, Int64?).self) {
                rows.append(SealedRow(kid: row.0, algorithm: row.1, sealed: row.2, createdAt: row.3, retiredAt: row.4, publishUntil: row.5))
            }
            return rows
        }
        return try rows.map { row in
            let keyID = KeyID(row.kid)
            return StoredSigningKey(
                keyID: keyID, algorithm: row.algorithm,
                privateKeyPEM: try encryption.open(row.sealed, owner: owner, keyID: keyID, algorithm: row.algorithm),
                createdAt: Date(unixMicroseconds: row.createdAt),
                retiredAt: row.retiredAt.map(Date.init(unixMicroseconds:)),
                publishUntil: row.publishUntil.map(Date.init(unixMicroseconds:)))
        }
    }

    /// Deletes the keys of `owner` and inserts `keys`, sealed, in one transaction: every replica
    /// sees a rotation whole or not at all. Concurrent rotations of one owner are serialized by a
    /// transaction advisory lock, so the second replaces the first instead of failing.
    /// - Throws: `StorageError.duplicateKeyID` before writing when two keys share a `kid`;
    ///   `StorageError.unavailable` (nothing is changed then).
    public func replaceAll(owner: String, with keys: [StoredSigningKey]) async throws {
        var seen = Set<KeyID>()
        for key in keys where !seen.insert(key.keyID).inserted {
            throw StorageError.duplicateKeyID(owner: owner, keyID: key.keyID)
        }
        let rows = try keys.map { key in
            SealedRow(
                kid: key.keyID.rawValue, algorithm: key.algorithm,
                sealed: try encryption.seal(key.privateKeyPEM, owner: owner, keyID: key.keyID, algorithm: key.algorithm),
                createdAt: key.createdAt.unixMicroseconds, retiredAt: key.retiredAt?.unixMicroseconds,
                publishUntil: key.publishUntil?.unixMicroseconds)
        }
        let logger = database.statementLogger
        try await database.withTransaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresSchema.lockClass + 1), hashtext(\(owner)))", logger: logger)
            try await connection.query("DELETE FROM signing_keys WHERE owner = \(owner)", logger: logger)
            for row in rows {
                try await connection.query(
                    """
                    INSERT INTO signing_keys (owner, kid, algorithm, sealed_private_key, created_at, retired_at, publish_until)
                    VALUES (\(owner), \(row.kid), \(row.algorithm), \(row.sealed), \(row.createdAt), \(row.retiredAt), \(row.publishUntil))
                    """,
                    logger: logger)
            }
        }
    }

    /// A row as stored: the private key sealed.
    private struct SealedRow: Sendable {
        let kid: String
        let algorithm: String
        let sealed: String
        let createdAt: Int64
        let retiredAt: Int64?
        let publishUntil: Int64?
    }
}

import Foundation
import GRDB
public import ZeroTouchCore

/// Each role's signing keys in the `signing_keys` table, keyed by `(owner, kid)`.
///
/// The private keys are stored as PEM in the clear; the database file's `0600` mode and the
/// `0700` data directory are what protect them.
public struct SQLiteSigningKeyStore: SigningKeyStore {
    private let database: SQLiteDatabase

    /// A key store over `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Every key of `owner`, oldest first (by `createdAt`, then `kid`).
    /// - Throws: GRDB's `DatabaseError`.
    public func keys(owner: String) async throws -> [StoredSigningKey] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT kid, algorithm, private_key_pem, created_at, retired_at, publish_until
                    FROM signing_keys WHERE owner = ? ORDER BY created_at, kid
                    """,
                arguments: [owner]
            ).map(Self.decode)
        }
    }

    private static func decode(_ row: Row) throws -> StoredSigningKey {
        StoredSigningKey(
            keyID: KeyID(try row.decode(String.self, forColumn: "kid")),
            algorithm: try row.decode(forColumn: "algorithm"),
            privateKeyPEM: try row.decode(forColumn: "private_key_pem"),
            createdAt: Date(unixMicroseconds: try row.decode(forColumn: "created_at")),
            retiredAt: try row.decode(Int64?.self, forColumn: "retired_at").map(Date.init(unixMicroseconds:)),
            publishUntil: try row.decode(Int64?.self, forColumn: "publish_until").map(Date.init(unixMicroseconds:)))
    }

    /// Deletes the keys of `owner` and inserts `keys`, in one transaction: a rotation is seen
    /// whole or not at all, by this process and every other one sharing the file.
    /// - Throws: `StorageError.duplicateKeyID` before writing when two keys share a `kid`;
    ///   GRDB's `DatabaseError` (nothing is changed then).
    public func replaceAll(owner: String, with keys: [StoredSigningKey]) async throws {
        var seen = Set<KeyID>()
        for key in keys where !seen.insert(key.keyID).inserted {
            throw StorageError.duplicateKeyID(owner: owner, keyID: key.keyID)
        }
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM signing_keys WHERE owner = ?", arguments: [owner])
            for key in keys {
                try db.execute(
                    sql: """
                        INSERT INTO signing_keys (owner, kid, algorithm, private_key_pem, created_at, retired_at, publish_until)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        owner, key.keyID.rawValue, key.algorithm, key.privateKeyPEM, key.createdAt.unixMicroseconds,
                        key.retiredAt?.unixMicroseconds, key.publishUntil?.unixMicroseconds,
                    ])
            }
        }
    }
}

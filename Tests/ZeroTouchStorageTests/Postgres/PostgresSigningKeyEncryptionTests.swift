import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// Signing keys in PostgreSQL are sealed at rest (issue 8 item 3).
@Suite("PostgreSQL signing keys at rest", .enabled(if: PostgresTestServer.isAvailable))
struct PostgresSigningKeyEncryptionTests {
    private let key = StoredSigningKey(
        keyID: KeyID("k1"), algorithm: "ES256",
        privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nplaceholder-secret-material\n-----END PRIVATE KEY-----\n",
        createdAt: testEpoch)

    @Test("the table holds a sealed value, never the PEM")
    func rowIsSealed() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let stores = try await backend.open()
            try await stores.signingKeys.replaceAll(owner: "idp", with: [key])
            let rows = try await backend.openDatabase().execute("SELECT sealed_private_key FROM signing_keys")
            let sealed = try #require(rows.first?.first ?? nil)
            #expect(sealed.hasPrefix("zt-sealed-v1:\(backend.encryption.keyFingerprint):"))
            #expect(!sealed.contains("PRIVATE KEY"))
            #expect(!sealed.contains("placeholder-secret-material"))
            #expect(try await stores.signingKeys.keys(owner: "idp") == [key])
        }
    }

    @Test("a replica with another encryption key fails with an error naming the key, not the PEM")
    func wrongKeyFails() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            try await backend.open().signingKeys.replaceAll(owner: "idp", with: [key])
            let otherKey = try SigningKeyEncryption(encodedKey: SigningKeyEncryption.makeEncodedKey())
            let replica = PostgresSigningKeyStore(database: try await backend.openDatabase(), encryption: otherKey)
            let expected = StorageError.signingKeyEncryptedUnderOtherKey(
                owner: "idp", keyID: "k1", keyFingerprint: backend.encryption.keyFingerprint)
            await #expect(throws: expected) { try await replica.keys(owner: "idp") }
            #expect(expected.description.contains("not the configured encryption key"))
            #expect(!expected.description.contains("placeholder"))
        }
    }

    @Test("a sealed key moved to another owner fails to decrypt")
    func movedRowFails() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let stores = try await backend.open()
            try await stores.signingKeys.replaceAll(owner: "idp", with: [key])
            _ = try await backend.openDatabase().execute("UPDATE signing_keys SET owner = 'as'")
            await #expect(throws: StorageError.signingKeyDecryptionFailed(owner: "as", keyID: "k1")) {
                try await stores.signingKeys.keys(owner: "as")
            }
        }
    }
}

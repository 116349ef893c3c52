import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// Sealing private signing keys with AES-256-GCM (issue 8 item 3), and loading the key.
@Suite("Signing key encryption")
struct SigningKeyEncryptionTests {
    private let pem = "-----BEGIN PRIVATE KEY-----\nplaceholder\n-----END PRIVATE KEY-----\n"

    private func makeEncryption() throws -> SigningKeyEncryption {
        try SigningKeyEncryption(encodedKey: SigningKeyEncryption.makeEncodedKey())
    }

    @Test("a sealed key opens for its own row and shows nothing of the PEM")
    func roundTrip() throws {
        let encryption = try makeEncryption()
        let sealed = try encryption.seal(pem, owner: "idp", keyID: "k1", algorithm: "ES256")
        #expect(SigningKeyEncryption.isSealed(sealed))
        #expect(!sealed.contains("PRIVATE KEY") && !sealed.contains("placeholder"))
        #expect(try encryption.open(sealed, owner: "idp", keyID: "k1", algorithm: "ES256") == pem)
        // A fresh nonce each time.
        #expect(try encryption.seal(pem, owner: "idp", keyID: "k1", algorithm: "ES256") != sealed)
    }

    @Test("another key is recognised by its fingerprint")
    func wrongKey() throws {
        let (right, wrong) = (try makeEncryption(), try makeEncryption())
        let sealed = try right.seal(pem, owner: "idp", keyID: "k1", algorithm: "ES256")
        #expect(throws: StorageError.signingKeyEncryptedUnderOtherKey(owner: "idp", keyID: "k1", keyFingerprint: right.keyFingerprint)) {
            try wrong.open(sealed, owner: "idp", keyID: "k1", algorithm: "ES256")
        }
    }

    @Test("a sealed key fails to open for another owner, kid or algorithm, or once altered")
    func boundToItsRow() throws {
        let encryption = try makeEncryption()
        let sealed = try encryption.seal(pem, owner: "idp", keyID: "k1", algorithm: "ES256")
        #expect(throws: StorageError.signingKeyDecryptionFailed(owner: "as", keyID: "k1")) {
            try encryption.open(sealed, owner: "as", keyID: "k1", algorithm: "ES256")
        }
        #expect(throws: StorageError.signingKeyDecryptionFailed(owner: "idp", keyID: "k2")) {
            try encryption.open(sealed, owner: "idp", keyID: "k2", algorithm: "ES256")
        }
        #expect(throws: StorageError.signingKeyDecryptionFailed(owner: "idp", keyID: "k1")) {
            try encryption.open(sealed, owner: "idp", keyID: "k1", algorithm: "EdDSA")
        }
        // Flip one bit of the ciphertext (decoded, so no base64 padding bit is hit).
        let prefix = sealed[..<(try #require(sealed.lastIndex(of: ":")))]
        var combined = try #require(Data(base64Encoded: String(sealed[sealed.index(after: prefix.endIndex)...])))
        combined[20] ^= 0x01
        let altered = prefix + ":" + combined.base64EncodedString()
        #expect(throws: StorageError.signingKeyDecryptionFailed(owner: "idp", keyID: "k1")) {
            try encryption.open(altered, owner: "idp", keyID: "k1", algorithm: "ES256")
        }
        #expect(throws: StorageError.signingKeyDecryptionFailed(owner: "idp", keyID: "k1")) {
            try encryption.open(pem, owner: "idp", keyID: "k1", algorithm: "ES256")
        }
    }

    @Test("one key in base64, URL-safe base64 or hex gives the same fingerprint")
    func keyEncodings() throws {
        let bytes = Data((0..<32).map { UInt8($0 * 7 & 0xff) })
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let base64 = bytes.base64EncodedString()
        let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let fingerprints = try [hex, base64, "  \(base64)\n", urlSafe].map { try SigningKeyEncryption(encodedKey: $0).keyFingerprint }
        #expect(Set(fingerprints).count == 1)
        #expect(fingerprints[0].count == 16)
        #expect(!"\(try SigningKeyEncryption(encodedKey: base64))".contains(base64))
    }

    @Test("keys that are not 32 bytes are refused", arguments: ["", "c2hvcnQ=", String(repeating: "ab", count: 31), "not a key at all!"])
    func invalidKeys(encodedKey: String) throws {
        let error = try #require(throws: StorageError.self) { try SigningKeyEncryption(encodedKey: encodedKey) }
        guard case .invalidEncryptionKey = error else {
            Issue.record("expected invalidEncryptionKey, got \(error)")
            return
        }
    }

    @Test("the key file wins over the environment; without either there is no key")
    func configuredKey() async throws {
        let (fileKey, environmentKey) = (SigningKeyEncryption.makeEncodedKey(), SigningKeyEncryption.makeEncodedKey())
        let environment = [SigningKeyEncryption.environmentVariable: environmentKey]
        try await withTemporaryDirectory { root async throws in
            let path = root.appendingPathComponent("storage.key").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data((fileKey + "\n").utf8)))
            let fromFile = try #require(try SigningKeyEncryption.configured(keyFilePath: path, environment: environment))
            #expect(fromFile.keyFingerprint == (try SigningKeyEncryption(encodedKey: fileKey)).keyFingerprint)
            let fromEnvironment = try #require(try SigningKeyEncryption.configured(keyFilePath: nil, environment: environment))
            #expect(fromEnvironment.keyFingerprint == (try SigningKeyEncryption(encodedKey: environmentKey)).keyFingerprint)
            #expect(try SigningKeyEncryption.configured(keyFilePath: nil, environment: [:]) == nil)
            let missing = root.appendingPathComponent("missing.key").path
            #expect(throws: StorageError.invalidEncryptionKey(reason: "cannot read the key file \(missing)")) {
                try SigningKeyEncryption.configured(keyFilePath: missing, environment: environment)
            }
            let bad = [SigningKeyEncryption.environmentVariable: "too-short"]
            let error = try #require(throws: StorageError.self) { try SigningKeyEncryption.configured(keyFilePath: nil, environment: bad) }
            #expect(!error.description.contains("too-short"))
        }
    }
}

import Crypto
public import Foundation
public import ZeroTouchCore

/// Seals the private half of each stored signing key with AES-256-GCM (NIST SP 800-38D), so that a
/// database dump or backup does not reveal the keys every replica signs with (issue 8 item 3).
///
/// The sealed form is text, so it fits the same `TEXT` column as a PEM:
/// `zt-sealed-v1:<fingerprint>:<base64(nonce ‖ ciphertext ‖ tag)>`. The additional authenticated
/// data binds the ciphertext to its row (owner, `kid`, algorithm): a sealed key copied to another
/// owner or `kid` fails to open. The AES key and the public fingerprint are derived from the
/// configured 32-byte key with HKDF-SHA256 (RFC 5869), with distinct `info` labels; the
/// fingerprint tells which key sealed a row without revealing anything about the key.
public struct SigningKeyEncryption: Sendable, CustomStringConvertible {
    /// The environment variable that holds the key (base64 or hex of 32 random bytes).
    public static let environmentVariable = "ZEROTOUCH_STORAGE_ENCRYPTION_KEY"
    /// The prefix of every sealed value.
    static let sealedPrefix = "zt-sealed-v1:"

    /// Sixteen hex digits identifying the key, safe to log and to compare across replicas.
    public let keyFingerprint: String
    private let sealingKey: SymmetricKey

    /// A sealer for `keyBytes`, which must be 32 random bytes.
    /// - Throws: `StorageError.invalidEncryptionKey` for another length.
    public init(keyBytes: Data) throws {
        let material = SymmetricKey(data: keyBytes)
        guard material.bitCount == 256 else {
            throw StorageError.invalidEncryptionKey(reason: "it must be 32 bytes, not \(material.bitCount / 8)")
        }
        sealingKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: material, info: Data("zerotouch/signing-keys/aes-256-gcm/v1".utf8), outputByteCount: 32)
        let fingerprint = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: material, info: Data("zerotouch/signing-keys/fingerprint/v1".utf8), outputByteCount: 8)
        keyFingerprint = fingerprint.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// A sealer for `encodedKey`: 32 bytes as base64 (standard or URL-safe, padding optional) or
    /// as 64 hex digits, surrounded by optional whitespace. `openssl rand -base64 32` makes one.
    /// - Throws: `StorageError.invalidEncryptionKey`; the reason never quotes the key.
    public init(encodedKey: String) throws {
        let text = encodedKey.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Self.decodeHex(text) ?? Self.decodeBase64(text) else {
            throw StorageError.invalidEncryptionKey(reason: "it must be 32 random bytes in base64 or hex (openssl rand -base64 32)")
        }
        try self.init(keyBytes: bytes)
    }

    /// A new random key, base64-encoded, for an operator to store in a file or secret manager.
    public static func makeEncodedKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// Names the key by its fingerprint only.
    public var description: String { "SigningKeyEncryption(key \(keyFingerprint))" }

    /// Whether `value` is in the sealed form (as opposed to a plain PEM).
    public static func isSealed(_ value: String) -> Bool { value.hasPrefix(sealedPrefix) }

    /// Seals `privateKeyPEM` for the row (`owner`, `keyID`, `algorithm`).
    /// - Throws: a CryptoKit error if sealing fails (it does not with a valid key).
    public func seal(_ privateKeyPEM: String, owner: String, keyID: KeyID, algorithm: String) throws -> String {
        let box = try AES.GCM.seal(
            Data(privateKeyPEM.utf8), using: sealingKey,
            authenticating: Self.associatedData(owner: owner, keyID: keyID, algorithm: algorithm))
        guard let combined = box.combined else { throw StorageError.invalidEncryptionKey(reason: "AES-GCM gave no output") }
        return Self.sealedPrefix + keyFingerprint + ":" + combined.base64EncodedString()
    }

    /// Opens a value `seal` made for the same row.
    /// - Throws: `StorageError.signingKeyEncryptedUnderOtherKey` when another key sealed it;
    ///   `StorageError.signingKeyDecryptionFailed` when it is malformed, altered, or sealed for another row.
    public func open(_ sealed: String, owner: String, keyID: KeyID, algorithm: String) throws -> String {
        let parts = sealed.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, sealed.hasPrefix(Self.sealedPrefix) else {
            throw StorageError.signingKeyDecryptionFailed(owner: owner, keyID: keyID)
        }
        guard parts[1] == keyFingerprint else {
            throw StorageError.signingKeyEncryptedUnderOtherKey(owner: owner, keyID: keyID, keyFingerprint: String(parts[1].prefix(16)))
        }
        do {
            guard let combined = Data(base64Encoded: String(parts[2])) else { throw CryptoKitError.incorrectParameterSize }
            let box = try AES.GCM.SealedBox(combined: combined)
            let plaintext = try AES.GCM.open(
                box, using: sealingKey, authenticating: Self.associatedData(owner: owner, keyID: keyID, algorithm: algorithm))
            return String(decoding: plaintext, as: UTF8.self)
        } catch {
            throw StorageError.signingKeyDecryptionFailed(owner: owner, keyID: keyID)
        }
    }

    /// A label and each field with a 4-byte big-endian length prefix, so no two rows share it.
    private static func associatedData(owner: String, keyID: KeyID, algorithm: String) -> Data {
        var data = Data("zerotouch/signing-key/v1".utf8)
        for field in [owner, keyID.rawValue, algorithm] {
            let bytes = Data(field.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { data.append(contentsOf: $0) }
            data.append(bytes)
        }
        return data
    }

    private static func decodeHex(_ text: String) -> Data? {
        guard text.utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return Data(bytes)
    }

    private static func decodeBase64(_ text: String) -> Data? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: standard)
    }
}

import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The `SigningKeyStore` contract: keys per owner, replaced atomically, run against every store kind.
@Suite("Signing key store contract")
struct SigningKeyStoreContractTests {
    /// A key with a placeholder PEM (the store never parses it; no real private key is committed).
    private func key(_ kid: String, createdAt seconds: TimeInterval, retired: Bool = false) -> StoredSigningKey {
        StoredSigningKey(
            keyID: KeyID(kid), algorithm: "ES256",
            privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nplaceholder-\(kid)\n-----END PRIVATE KEY-----\n",
            createdAt: testEpoch + seconds,
            retiredAt: retired ? testEpoch + seconds + 3600 : nil,
            publishUntil: retired ? testEpoch + seconds + 7200.5 : nil)
    }

    @Test("keys read back unchanged, oldest first", arguments: StoreKind.allCases)
    func keysRoundTrip(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any SigningKeyStore = stores.signingKeys
            let retired = key("idp-1", createdAt: 0, retired: true)
            let active = key("idp-2", createdAt: 100)
            try await store.replaceAll(owner: "idp", with: [active, retired])
            #expect(try await store.keys(owner: "idp") == [retired, active])
            #expect(try await store.keys(owner: "as").isEmpty)
        }
    }

    @Test("replaceAll replaces every key of the owner", arguments: StoreKind.allCases)
    func replaceAllReplaces(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any SigningKeyStore = stores.signingKeys
            try await store.replaceAll(owner: "idp", with: [key("k1", createdAt: 0), key("k2", createdAt: 1)])
            let rotated = [key("k2", createdAt: 1, retired: true), key("k3", createdAt: 2)]
            try await store.replaceAll(owner: "idp", with: rotated)
            #expect(try await store.keys(owner: "idp") == rotated)
            try await store.replaceAll(owner: "idp", with: [])
            #expect(try await store.keys(owner: "idp").isEmpty)
        }
    }

    @Test("owners are kept apart, even with the same kid", arguments: StoreKind.allCases)
    func ownersAreSeparate(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any SigningKeyStore = stores.signingKeys
            let idpKey = key("shared-kid", createdAt: 0)
            var asKey = key("shared-kid", createdAt: 5)
            asKey.algorithm = "EdDSA"
            try await store.replaceAll(owner: "idp", with: [idpKey])
            try await store.replaceAll(owner: "as", with: [asKey])
            #expect(try await store.keys(owner: "idp") == [idpKey])
            #expect(try await store.keys(owner: "as") == [asKey])
            try await store.replaceAll(owner: "idp", with: [])
            #expect(try await store.keys(owner: "as") == [asKey])
        }
    }

    @Test("replaceAll with a duplicate kid changes nothing", arguments: StoreKind.allCases)
    func duplicateKeyIDChangesNothing(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any SigningKeyStore = stores.signingKeys
            let current = [key("k1", createdAt: 0)]
            try await store.replaceAll(owner: "idp", with: current)
            await #expect(throws: StorageError.duplicateKeyID(owner: "idp", keyID: "k2")) {
                try await store.replaceAll(owner: "idp", with: [key("k2", createdAt: 1), key("k2", createdAt: 2)])
            }
            #expect(try await store.keys(owner: "idp") == current)
        }
    }

    @Test("a reader on another pool sees a rotation whole or not at all", arguments: StoreKind.allCases)
    func replaceAllIsAtomicForReaders(kind: StoreKind) async throws {
        try await kind.withBackend { backend async throws in
            let (writer, reader) = (try await backend.open().signingKeys, try await backend.open().signingKeys)
            let generations = (0..<2).map { generation in
                (0..<3).map { index in key("g\(generation)-k\(index)", createdAt: TimeInterval(index)) }
            }
            try await writer.replaceAll(owner: "as", with: generations[0])
            let observed = try await withThrowingTaskGroup(of: [[StoredSigningKey]].self) { group in
                group.addTask {
                    for round in 1...30 { try await writer.replaceAll(owner: "as", with: generations[round % 2]) }
                    return []
                }
                group.addTask {
                    var seen: [[StoredSigningKey]] = []
                    for _ in 0..<60 { seen.append(try await reader.keys(owner: "as")) }
                    return seen
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(observed.count == 60)
            #expect(observed.allSatisfy { generations.contains($0) })
        }
    }
}

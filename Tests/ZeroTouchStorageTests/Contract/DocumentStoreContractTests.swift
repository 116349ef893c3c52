import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// The `DocumentStore` contract: documents by collection and id, atomic batches with their audit
/// record, the version counter and the size limit, run against every store kind.
@Suite("Document store contract")
struct DocumentStoreContractTests {
    private struct User: Codable, Equatable {
        var name: String
        var groups: [String]
    }

    private func body(_ text: String) -> Data { Data(text.utf8) }

    private func adminChange(_ id: String) -> AuditRecord {
        auditRecord(id, service: "idp", event: "admin.user.create", clientID: nil, details: ["user": id])
    }

    @Test("documents are put, read, listed by id and deleted", arguments: StoreKind.allCases)
    func putGetListDelete(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any DocumentStore = stores.documents
            try await store.apply(
                [
                    .put(collection: "users", id: "bob", body: body("{\"n\":\"bob\"}")),
                    .put(collection: "users", id: "alice", body: body("{\"n\":\"alice\"}")),
                    .put(collection: "groups", id: "admins", body: body("{}")),
                ], audit: nil)
            #expect(try await store.document("users", id: "alice") == body("{\"n\":\"alice\"}"))
            #expect(try await store.document("users", id: "admins") == nil)
            #expect(try await store.documents("users").map(\.id) == ["alice", "bob"])
            #expect(try await store.documents("groups").map(\.body) == [body("{}")])
            #expect(try await store.documents("clients").isEmpty)

            try await store.apply([.put(collection: "users", id: "bob", body: body("{\"n\":\"robert\"}"))], audit: nil)
            #expect(try await store.document("users", id: "bob") == body("{\"n\":\"robert\"}"))

            try await store.apply([.delete(collection: "users", id: "bob"), .delete(collection: "users", id: "nobody")], audit: nil)
            #expect(try await store.document("users", id: "bob") == nil)
            #expect(try await store.documents("users").map(\.id) == ["alice"])
        }
    }

    @Test("typed documents round-trip through DocumentCoding", arguments: StoreKind.allCases)
    func typedDocumentsRoundTrip(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any DocumentStore = stores.documents
            let alice = User(name: "Alice", groups: ["admins"])
            let bob = User(name: "Bob", groups: [])
            try await store.apply(
                [try DocumentCoding.insert(alice, in: "users", id: "alice"), try DocumentCoding.put(bob, in: "users", id: "bob")],
                audit: nil)
            #expect(try await store.load(User.self, from: "users", id: "alice") == alice)
            #expect(try await store.load(User.self, from: "users", id: "carol") == nil)
            #expect(try await store.loadAll(User.self, from: "users") == [alice, bob])
        }
    }

    @Test("an insert that conflicts rolls back the whole batch and its audit record", arguments: StoreKind.allCases)
    func insertConflictRollsBackEverything(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any DocumentStore = stores.documents
            try await store.apply([.insert(collection: "users", id: "alice", body: body("original"))], audit: nil)
            let versionBefore = try await store.version()
            let batch: [DocumentChange] = [
                .put(collection: "users", id: "bob", body: body("bob")),
                .delete(collection: "users", id: "alice"),
                .insert(collection: "users", id: "carol", body: body("carol")),
                .insert(collection: "users", id: "carol", body: body("carol again")),
                .put(collection: "groups", id: "staff", body: body("staff")),
            ]
            await #expect(throws: DocumentStoreError.alreadyExists(collection: "users", id: "carol")) {
                try await store.apply(batch, audit: adminChange("rolled-back"))
            }
            #expect(try await store.documents("users").map(\.id) == ["alice"])
            #expect(try await store.document("users", id: "alice") == body("original"))
            #expect(try await store.documents("groups").isEmpty)
            #expect(try await store.version() == versionBefore)
            #expect(try await stores.auditLog.query(AuditQuery()).records.isEmpty)
        }
    }

    @Test("every applied batch increments the version", arguments: StoreKind.allCases)
    func versionIncrements(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any DocumentStore = stores.documents
            let start = try await store.version()
            let first = try await store.apply([.put(collection: "c", id: "1", body: body("1"))], audit: nil)
            #expect(first == start + 1)
            let second = try await store.apply([.delete(collection: "c", id: "1"), .put(collection: "c", id: "2", body: body("2"))], audit: nil)
            #expect(second == start + 2)
            let auditOnly = try await store.apply([], audit: adminChange("audit-only"))
            #expect(auditOnly == start + 3)
            #expect(try await store.version() == start + 3)
        }
    }

    @Test("the audit record is written with the change", arguments: StoreKind.allCases)
    func auditIsWrittenWithTheChange(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let record = adminChange("created-alice")
            try await stores.documents.apply([.insert(collection: "users", id: "alice", body: body("a"))], audit: record)
            #expect(try await stores.auditLog.query(AuditQuery(event: "admin.")).records == [record])
            #expect(try await stores.documents.document("users", id: "alice") == body("a"))
        }
    }

    @Test("documents and the version survive reopening the database", arguments: StoreKind.allCases)
    func persistsAcrossReopen(kind: StoreKind) async throws {
        try await kind.withBackend { backend async throws in
            let first = try await backend.open()
            let version = try await first.documents.apply(
                [.put(collection: "users", id: "alice", body: body("a"))], audit: adminChange("persisted"))
            try await first.close()
            let reopened = try await backend.open()
            #expect(try await reopened.documents.document("users", id: "alice") == body("a"))
            #expect(try await reopened.documents.version() == version)
            #expect(try await reopened.auditLog.query(AuditQuery()).records.map(\.id) == ["persisted"])
        }
    }

    @Test("a change made through one pool is seen through another", arguments: StoreKind.allCases)
    func changesAreSharedAcrossPools(kind: StoreKind) async throws {
        try await kind.withBackend { backend async throws in
            let (writer, reader) = (try await backend.open(), try await backend.open())
            let version = try await writer.documents.apply([.put(collection: "users", id: "alice", body: body("a"))], audit: nil)
            #expect(try await reader.documents.version() == version)
            #expect(try await reader.documents.document("users", id: "alice") == body("a"))
        }
    }

    @Test("a body of exactly 1 MiB is kept; one byte more is rejected and nothing is applied", arguments: StoreKind.allCases)
    func bodySizeLimit(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let store: any DocumentStore = stores.documents
            let limit = StorageLimits.maximumDocumentBodySize
            try await store.apply([.put(collection: "blobs", id: "largest", body: Data(count: limit))], audit: nil)
            let version = try await store.version()
            let batch: [DocumentChange] = [
                .put(collection: "blobs", id: "small", body: body("s")),
                .insert(collection: "blobs", id: "huge", body: Data(count: limit + 1)),
            ]
            await #expect(throws: StorageError.documentTooLarge(collection: "blobs", id: "huge", size: limit + 1, limit: limit)) {
                try await store.apply(batch, audit: adminChange("too-large"))
            }
            #expect(try await store.documents("blobs").map(\.id) == ["largest"])
            #expect(try await store.version() == version)
            #expect(try await stores.auditLog.query(AuditQuery()).records.isEmpty)
        }
    }

    @Test("an audit record with oversized details rejects the whole batch", arguments: StoreKind.allCases)
    func oversizedAuditRejectsTheBatch(kind: StoreKind) async throws {
        try await kind.withStores { stores async throws in
            let huge = String(repeating: "x", count: StorageLimits.maximumAuditDetailsSize)
            let record = auditRecord("huge", details: ["k": huge])
            await #expect(throws: StorageError.self) {
                try await stores.documents.apply([.put(collection: "users", id: "alice", body: body("a"))], audit: record)
            }
            #expect(try await stores.documents.document("users", id: "alice") == nil)
        }
    }
}

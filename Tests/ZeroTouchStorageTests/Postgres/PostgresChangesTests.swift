import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// `PostgresDocumentStore.changes()`: a replica hears of another replica's changes through
/// `LISTEN`/`NOTIFY` (issue 8 item 2).
@Suite("PostgreSQL change notifications", .enabled(if: PostgresTestServer.isAvailable), .timeLimit(.minutes(1)))
struct PostgresChangesTests {
    @Test("a replica hears the version of a change committed on another replica")
    func changeReachesOtherReplica() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let writer = PostgresDocumentStore(database: try await backend.openDatabase())
            let listener = PostgresDocumentStore(database: try await backend.openDatabase())
            var changes = listener.changes().makeAsyncIterator()
            #expect(await changes.next() == 0)
            let version = try await writer.apply([.put(collection: "policies", id: "p1", body: Data("{}".utf8))], audit: nil)
            #expect(version == 1)
            #expect(await changes.next() == 1)
            await #expect(throws: DocumentStoreError.alreadyExists(collection: "policies", id: "p1")) {
                try await writer.apply([.insert(collection: "policies", id: "p1", body: Data("{}".utf8))], audit: nil)
            }
            // The rolled-back apply notified nothing: the next value is the next committed version.
            try await writer.apply([.delete(collection: "policies", id: "p1")], audit: nil)
            #expect(await changes.next() == 2)
        }
    }

    @Test("channels are per schema, so two deployments on one database do not hear each other")
    func channelIsPerSchema() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let store = PostgresDocumentStore(database: try await backend.openDatabase())
            #expect(store.changeChannel == "zerotouch_changes_\(backend.configuration.schema ?? "")")
        }
    }

    @Test("closing the database ends the change sequence")
    func closeEndsChanges() async throws {
        try await PostgresTestServer.withBackend { backend async throws in
            let database = try await backend.openDatabase()
            var changes = PostgresDocumentStore(database: database).changes().makeAsyncIterator()
            #expect(await changes.next() == 0)
            await database.close()
            #expect(await changes.next() == nil)
        }
    }
}

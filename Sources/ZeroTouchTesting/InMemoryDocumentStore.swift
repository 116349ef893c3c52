public import Foundation
import Synchronization
public import ZeroTouchCore

/// A `DocumentStore` in memory, for tests, faithful to the contract: `apply` is all-or-nothing (an
/// `insert` of an existing document throws `alreadyExists` and leaves every document and the version
/// as they were), the audit record is written in the same step, and the version grows by one per apply.
public final class InMemoryDocumentStore: DocumentStore {
    private struct State {
        var collections: [String: [String: Data]] = [:]
        var version: Int64 = 0
    }

    private let state = Mutex(State())
    /// Where the audit records of `apply` go.
    public let auditLog: InMemoryAuditLog

    public init(auditLog: InMemoryAuditLog = InMemoryAuditLog()) { self.auditLog = auditLog }

    /// The audit records written by `apply`, oldest first.
    public var auditRecords: [AuditRecord] { auditLog.all }

    public func document(_ collection: String, id: String) async throws -> Data? {
        state.withLock { $0.collections[collection]?[id] }
    }

    public func documents(_ collection: String) async throws -> [(id: String, body: Data)] {
        state.withLock { ($0.collections[collection] ?? [:]).sorted { $0.key < $1.key }.map { (id: $0.key, body: $0.value) } }
    }

    @discardableResult
    public func apply(_ changes: [DocumentChange], audit: AuditRecord?) async throws -> Int64 {
        try state.withLock { state in
            var collections = state.collections
            for change in changes {
                switch change {
                case .insert(let collection, let id, let body):
                    guard collections[collection]?[id] == nil else { throw DocumentStoreError.alreadyExists(collection: collection, id: id) }
                    collections[collection, default: [:]][id] = body
                case .put(let collection, let id, let body):
                    collections[collection, default: [:]][id] = body
                case .delete(let collection, let id):
                    collections[collection]?[id] = nil
                }
            }
            state.collections = collections
            state.version += 1
            if let audit { auditLog.appendNow(audit) }
            return state.version
        }
    }

    public func version() async throws -> Int64 { state.withLock { $0.version } }
}

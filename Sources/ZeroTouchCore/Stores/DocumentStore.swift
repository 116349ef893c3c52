public import Foundation

/// A change to one document, applied inside a `DocumentStore.apply` transaction.
public enum DocumentChange: Sendable, Equatable {
    /// Creates the document; the whole transaction fails with `DocumentStoreError.alreadyExists` if it exists.
    case insert(collection: String, id: String, body: Data)
    /// Creates or replaces the document.
    case put(collection: String, id: String, body: Data)
    /// Removes the document if it exists.
    case delete(collection: String, id: String)
}

/// A failure a caller can act on.
public enum DocumentStoreError: Error, Equatable, Sendable {
    /// An `insert` found the document already there.
    case alreadyExists(collection: String, id: String)
}

/// Configuration and directory data (users, groups, clients, resources, policies, trust) stored as
/// JSON documents by collection and id.
///
/// Every role keeps its decisions in memory and reloads when `version` changes, so the hot paths
/// never query; `apply` changes several documents and appends the matching audit record in one
/// transaction, so an admin change is never half-applied nor unaudited.
public protocol DocumentStore: Sendable {
    /// The document `id` in `collection`, or `nil`.
    func document(_ collection: String, id: String) async throws -> Data?
    /// Every document in `collection`, ordered by id.
    func documents(_ collection: String) async throws -> [(id: String, body: Data)]
    /// Applies `changes` atomically and appends `audit` in the same transaction when given.
    /// - Returns: the new store version.
    /// - Throws: `DocumentStoreError` or an operational error; nothing is changed then.
    @discardableResult
    func apply(_ changes: [DocumentChange], audit: AuditRecord?) async throws -> Int64
    /// A number that grows with every applied change, so replicas can tell their cache is stale.
    func version() async throws -> Int64
}

extension DocumentStore {
    /// Decodes document `id` of `collection` as `T`.
    public func load<T: Decodable>(_ type: T.Type, from collection: String, id: String) async throws -> T? {
        guard let data = try await document(collection, id: id) else { return nil }
        return try DocumentCoding.decoder.decode(T.self, from: data)
    }

    /// Decodes every document of `collection` as `T`.
    public func loadAll<T: Decodable>(_ type: T.Type, from collection: String) async throws -> [T] {
        try await documents(collection).map { try DocumentCoding.decoder.decode(T.self, from: $0.body) }
    }
}

/// The JSON coding every document store uses: sorted keys, ISO 8601 dates.
public enum DocumentCoding {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A `put` of `value` encoded as JSON.
    public static func put(_ value: some Encodable, in collection: String, id: String) throws -> DocumentChange {
        .put(collection: collection, id: id, body: try encoder.encode(value))
    }

    /// An `insert` of `value` encoded as JSON.
    public static func insert(_ value: some Encodable, in collection: String, id: String) throws -> DocumentChange {
        .insert(collection: collection, id: id, body: try encoder.encode(value))
    }
}

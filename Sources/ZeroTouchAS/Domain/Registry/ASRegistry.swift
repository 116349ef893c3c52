import Foundation
import Synchronization
public import ZeroTouchCore

/// The authorization server's configuration (trusted IdPs, clients, resources, local users,
/// revocations, admin tokens) over a `DocumentStore`, with an in-memory `ASSnapshot` for the hot path.
///
/// Every change goes through `commit`, which applies the documents and the audit record in one
/// `DocumentStore.apply` transaction, so an admin change is never half-applied nor unaudited. The
/// snapshot is updated in place afterwards; `reloadIfChanged()` picks up changes made by other
/// replicas or by the CLI on the same database.
public actor ASRegistry: ClientCredentialsProvider {
    let store: any DocumentStore
    let clock: any WallClock
    /// Which URLs may be issuers, JWKS endpoints and resource identifiers (decisions X-11).
    public nonisolated let endpointPolicy: EndpointPolicy
    private nonisolated let current: Mutex<ASSnapshot>

    /// The service name written in audit records.
    public static let auditService = "as"

    /// Loads the registry from `store`.
    /// - Parameters:
    ///   - store: where the configuration lives.
    ///   - clock: the time source for audit records and provisioning.
    ///   - endpointPolicy: the URL policy for issuers, JWKS endpoints and resources.
    /// - Throws: an operational error from the store, or a `DecodingError` for a corrupt document.
    public init(store: any DocumentStore, clock: any WallClock = SystemClock(), endpointPolicy: EndpointPolicy = .standard) async throws {
        self.store = store
        self.clock = clock
        self.endpointPolicy = endpointPolicy
        self.current = Mutex(try await Self.load(from: store))
    }

    /// The current configuration; reading it never touches the store.
    public nonisolated var snapshot: ASSnapshot { current.withLock { $0 } }

    /// The registered credentials of `clientID` for `ClientAuthenticator` (RFC 6749 §2.3), from the snapshot.
    public nonisolated func credentials(for clientID: ClientID) async throws -> ClientCredentials? {
        snapshot.clients[clientID]?.credentials
    }

    /// Reloads everything from the store.
    /// - Throws: an operational error from the store.
    public func reload() async throws {
        let fresh = try await Self.load(from: store)
        current.withLock { $0 = fresh }
    }

    /// Reloads when the store's version differs from the snapshot's.
    /// - Returns: whether a reload happened.
    /// - Throws: an operational error from the store.
    @discardableResult
    public func reloadIfChanged() async throws -> Bool {
        guard try await store.version() != snapshot.version else { return false }
        try await reload()
        return true
    }

    /// Applies `changes` and `audit` in one transaction, then updates the snapshot.
    /// - Throws: `ASRegistryError.alreadyExists` when an `insert` collides, or an operational error.
    func commit(_ changes: [DocumentChange], audit: AuditRecord) async throws {
        let before = snapshot.version
        let version: Int64
        do {
            version = try await store.apply(changes, audit: audit)
        } catch let error as DocumentStoreError {
            switch error {
            case .alreadyExists(let collection, let id): throw ASRegistryError.alreadyExists("\(collection)/\(id)")
            }
        }
        if version == before + 1 {
            var next = snapshot
            for change in changes { try next.apply(change) }
            next.version = version
            current.withLock { $0 = next }
        } else {
            try await reload()
        }
    }

    /// An audit record of an action of this service.
    func auditRecord(_ event: String, actor: String?, outcome: AuditOutcome = .success, subject: String? = nil,
                     clientID: String? = nil, resource: String? = nil, details: [String: String] = [:]) -> AuditRecord {
        AuditRecord(
            time: clock.now, service: Self.auditService, event: event, outcome: outcome, actor: actor,
            subject: subject, clientID: clientID, resource: resource, details: details)
    }

    private static func load(from store: any DocumentStore) async throws -> ASSnapshot {
        var snapshot = ASSnapshot()
        let version = try await store.version()
        for collection in ASCollection.allCases {
            for document in try await store.documents(collection.rawValue) {
                try snapshot.apply(.put(collection: collection.rawValue, id: document.id, body: document.body))
            }
        }
        snapshot.version = version
        return snapshot
    }
}

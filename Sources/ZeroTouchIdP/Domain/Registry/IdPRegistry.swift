import Foundation
import Synchronization
public import ZeroTouchCore

/// The IdP's directory, clients, resource catalog and policy over a `DocumentStore`.
///
/// Reads (`snapshot`, `authenticate`, `decide`) come from an immutable `IdPSnapshot` held under a
/// mutex, so they never wait on the store or on each other. Every admin change goes through one
/// method per operation, which validates the input, applies the documents *and* the matching audit
/// record in one `DocumentStore.apply` (never half-applied, never unaudited), then refreshes the snapshot.
/// Replicas call `reloadIfChanged()` periodically to pick up other replicas' changes.
public final class IdPRegistry: Sendable {
    let store: any DocumentStore
    let clock: any WallClock
    /// Hashes and checks passwords; its cost is configuration (12 in production, 4 in tests).
    public let passwordHasher: PasswordHasher
    /// What catalog URLs and redirect URIs must satisfy (decisions X-11).
    public let endpointPolicy: EndpointPolicy
    private let current: Mutex<IdPSnapshot>
    let totpSteps = TOTPStepLedger()

    /// The audit `service` of every record the IdP writes.
    public static let auditService = "idp"

    /// Creates the registry and loads every IdP document of `store`.
    /// - Throws: the store's errors.
    public init(
        store: any DocumentStore, clock: any WallClock = SystemClock(), passwordHasher: PasswordHasher = PasswordHasher(),
        endpointPolicy: EndpointPolicy = .standard
    ) async throws {
        self.store = store
        self.clock = clock
        self.passwordHasher = passwordHasher
        self.endpointPolicy = endpointPolicy
        self.current = Mutex(.empty)
        try await reload()
    }

    /// The current snapshot. Hold on to it for the length of one request so that every lookup agrees.
    public var snapshot: IdPSnapshot { current.withLock { $0 } }

    /// Rebuilds the snapshot from the store.
    /// - Throws: the store's errors; the previous snapshot stays in place then.
    public func reload() async throws {
        // Read the version first: documents read afterwards are at least that new, so a later change
        // is never marked as already loaded.
        let version = try await store.version()
        let state = try await IdPState.load(from: store)
        install(IdPSnapshot(state: state, version: version))
        HeapTrim.releaseFreedMemory()
    }

    /// Reloads when the store's version differs from the snapshot's.
    /// - Returns: whether a reload happened.
    /// - Throws: the store's errors.
    @discardableResult
    public func reloadIfChanged() async throws -> Bool {
        guard try await store.version() != snapshot.version else { return false }
        try await reload()
        return true
    }

    private func install(_ next: IdPSnapshot) {
        current.withLock { if next.version >= $0.version { $0 = next } }
    }

    /// Applies `changes` with `audit` in one transaction, then refreshes the snapshot.
    /// - Throws: `IdPAdminError.conflict` when a unique key or id is taken; the store's errors otherwise.
    func commit(_ changes: [DocumentChange], audit: AuditRecord) async throws {
        let version: Int64
        do {
            version = try await store.apply(changes, audit: audit)
        } catch DocumentStoreError.alreadyExists(let collection, _) {
            throw Self.conflict(in: collection)
        }
        try await refresh(after: changes, version: version)
    }

    /// When `version` directly follows the snapshot's, replays `changes` onto it instead of reading
    /// every document again; otherwise another change came in between, and a full reload is needed.
    private func refresh(after changes: [DocumentChange], version: Int64) async throws {
        let base = snapshot
        if base.version == version - 1 {
            var state = base.state
            try state.apply(changes)
            let next = IdPSnapshot(state: state, version: version)
            let installed = current.withLock { snapshot in
                guard snapshot === base else { return false }
                snapshot = next
                return true
            }
            if installed { return }
        }
        guard snapshot.version < version else { return }
        try await reload()
    }

    private static func conflict(in collection: String) -> IdPAdminError {
        switch collection {
        case IdPCollection.usernameKeys: .conflict(.user, message: "the username is already taken")
        case IdPCollection.groupNameKeys: .conflict(.group, message: "the group name is already taken")
        case IdPCollection.resourceKeys: .conflict(.server, message: "another MCP server has this resource identifier")
        case IdPCollection.memberships: .conflict(.membership, message: "the user is already a member of the group")
        case IdPCollection.clients: .conflict(.client, message: "a client with this client_id exists")
        case IdPCollection.servers: .conflict(.server, message: "an MCP server with this id exists")
        case IdPCollection.rules: .conflict(.rule, message: "a policy rule with this id exists")
        case IdPCollection.groups: .conflict(.group, message: "a group with this id exists")
        case IdPCollection.users: .conflict(.user, message: "a user with this id exists")
        default: .conflict(.user, message: "the change conflicts with existing data")
        }
    }

    /// Now, to the whole second: documents keep ISO 8601 dates without fractions, so an entity an
    /// admin operation returns equals the one stored.
    var timestamp: Date { Date(timeIntervalSince1970: clock.now.timeIntervalSince1970.rounded(.down)) }

    /// An audit record of a successful admin change (service `idp`, event `admin.…`). Callers pass
    /// identifiers and names only: never a password, a hash or a secret.
    func adminRecord(
        _ event: String, actor: String, subject: UserID? = nil, clientID: ClientID? = nil, resource: ResourceIdentifier? = nil,
        details: [String: String] = [:]
    ) -> AuditRecord {
        AuditRecord(
            time: clock.now, service: Self.auditService, event: "admin.\(event)", outcome: .success, actor: actor,
            subject: subject?.rawValue, clientID: clientID?.rawValue, resource: resource?.rawValue, details: details)
    }
}

extension IdPRegistry: ClientCredentialsProvider {
    /// The registered credentials of `clientID` for token-endpoint authentication (RFC 6749 §2.3).
    public func credentials(for clientID: ClientID) async throws -> ClientCredentials? {
        snapshot.client(clientID)?.credentials
    }
}

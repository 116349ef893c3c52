public import ZeroTouchCore

/// The Core stores of one process, over one connection pool, as `StoreFactory` opens them.
/// The roles see only the Core protocols; `close()` releases the pool when the process stops.
public struct StoreSet: Sendable {
    /// Single-use identifiers (RFC 7523 §3 item 7).
    public let ledger: any ReplayLedger
    /// The audit trail.
    public let auditLog: any AuditLog
    /// Configuration documents and their version.
    public let documents: any DocumentStore
    /// Each role's signing keys.
    public let signingKeys: any SigningKeyStore
    /// Short-lived runtime state shared by replicas (the IdP's sessions, codes and tokens).
    public let transient: any TransientStore
    private let closePool: @Sendable () async throws -> Void

    /// Bundles stores that share one pool; `close` releases it.
    public init(
        ledger: any ReplayLedger, auditLog: any AuditLog, documents: any DocumentStore, signingKeys: any SigningKeyStore,
        transient: any TransientStore, close: @escaping @Sendable () async throws -> Void
    ) {
        self.ledger = ledger
        self.auditLog = auditLog
        self.documents = documents
        self.signingKeys = signingKeys
        self.transient = transient
        self.closePool = close
    }

    /// Closes the pool the stores run on; later store calls throw.
    /// - Throws: GRDB's `DatabaseError` when an SQLite statement is still running.
    public func close() async throws {
        try await closePool()
    }
}

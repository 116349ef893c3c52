public import Foundation

/// What an audited action came to.
public enum AuditOutcome: String, Codable, Sendable, CaseIterable {
    /// The action was performed (a grant issued, a change made, a login accepted).
    case success
    /// The request was refused by a rule or a policy decision.
    case denied
    /// The request was malformed or failed a check (bad credentials, invalid assertion).
    case failure
}

/// One entry of the append-only audit trail. It never holds a token, an assertion, a code or a
/// secret: only identifiers (`jti`, `sub`, `client_id`) that let a reader join the trail across roles.
public struct AuditRecord: Codable, Sendable, Equatable, Identifiable {
    /// A unique id, also given to callers as an audit reference.
    public var id: String
    /// When the action happened.
    public var time: Date
    /// The role that wrote the record: `idp`, `as`, `gateway`, `mcp`.
    public var service: String
    /// The action, dotted: `login`, `token_exchange`, `jwt_bearer`, `admin.user.create`, `tool.call`.
    public var event: String
    public var outcome: AuditOutcome
    /// Who acted: a user's subject, an admin token's name.
    public var actor: String?
    /// The user the action concerns.
    public var subject: String?
    public var clientID: String?
    public var resource: String?
    public var scope: String?
    /// The identifier of the token this action issued or consumed (an ID-JAG or access-token `jti`).
    public var jti: String?
    /// The identifier this action follows from: the ID-JAG `jti` for a redemption, the access
    /// token `jti` for a tool call. Joining on it gives the whole trail of one grant.
    public var correlationID: String?
    /// A machine-readable reason for a denial or failure.
    public var reason: String?
    /// Anything else worth keeping, as flat strings (rule ids, remote address, tool name).
    public var details: [String: String]

    public init(
        id: String = UUID().uuidString.lowercased(), time: Date, service: String, event: String,
        outcome: AuditOutcome, actor: String? = nil, subject: String? = nil, clientID: String? = nil,
        resource: String? = nil, scope: String? = nil, jti: String? = nil, correlationID: String? = nil,
        reason: String? = nil, details: [String: String] = [:]
    ) {
        self.id = id
        self.time = time
        self.service = service
        self.event = event
        self.outcome = outcome
        self.actor = actor
        self.subject = subject
        self.clientID = clientID
        self.resource = resource
        self.scope = scope
        self.jti = jti
        self.correlationID = correlationID
        self.reason = reason
        self.details = details
    }
}

/// A filter over the audit trail. Every set field must match; `nil` fields match anything.
public struct AuditQuery: Sendable, Equatable {
    public var service: String?
    /// Matches the event exactly, or every event under it when it ends with `.` (e.g. `admin.`).
    public var event: String?
    public var outcome: AuditOutcome?
    public var actor: String?
    public var subject: String?
    public var clientID: String?
    public var resource: String?
    /// Matches records whose `jti` or `correlationID` equals this value: one grant's trail.
    public var trail: String?
    public var since: Date?
    public var until: Date?
    /// The most records in one page (capped at 1000).
    public var limit: Int
    /// The cursor from the previous page; records older than it are returned.
    public var cursor: String?

    public init(
        service: String? = nil, event: String? = nil, outcome: AuditOutcome? = nil, actor: String? = nil,
        subject: String? = nil, clientID: String? = nil, resource: String? = nil, trail: String? = nil,
        since: Date? = nil, until: Date? = nil, limit: Int = 100, cursor: String? = nil
    ) {
        self.service = service
        self.event = event
        self.outcome = outcome
        self.actor = actor
        self.subject = subject
        self.clientID = clientID
        self.resource = resource
        self.trail = trail
        self.since = since
        self.until = until
        self.limit = limit
        self.cursor = cursor
    }

    /// The largest page a store returns.
    public static let maximumLimit = 1000
}

/// One page of audit records, newest first.
public struct AuditPage: Sendable, Equatable {
    public var records: [AuditRecord]
    /// Pass as `AuditQuery.cursor` for the next (older) page; `nil` on the last page.
    public var nextCursor: String?

    public init(records: [AuditRecord], nextCursor: String?) {
        self.records = records
        self.nextCursor = nextCursor
    }
}

/// The append-only audit trail.
///
/// "Nothing acknowledged is lost": `append` returns only once the record is durable (committed to
/// disk), and callers append before they send the response that reports the action.
public protocol AuditLog: Sendable {
    /// Appends `record` durably.
    /// - Throws: an operational error; the caller must then fail the request instead of answering success.
    func append(_ record: AuditRecord) async throws
    /// Returns the records matching `query`, newest first.
    func query(_ query: AuditQuery) async throws -> AuditPage
}

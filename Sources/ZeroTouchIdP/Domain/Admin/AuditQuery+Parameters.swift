public import Foundation
public import ZeroTouchCore

extension AuditQuery {
    /// The filter names the admin API (`GET /admin/api/audit?…`) and `zerotouch admin audit` accept.
    public static let parameterNames: Set<String> = [
        "service", "event", "outcome", "actor", "subject", "client_id", "resource", "trail", "since", "until", "limit", "cursor",
    ]

    /// Reads filters from name–value pairs: ISO 8601 `since`/`until`, `limit` 1…1000 (100 by default).
    /// - Throws: `IdPAdminError.invalidInput` naming the parameter.
    public init(parameters: [String: String]) throws(IdPAdminError) {
        for name in parameters.keys where !Self.parameterNames.contains(name) {
            throw .invalidInput(field: String(name.prefix(40)), message: "is not an audit filter")
        }
        for (name, value) in parameters where value.utf8.count > 2048 {
            throw .invalidInput(field: name, message: "is too long")
        }
        self.init()
        service = parameters["service"]
        event = parameters["event"]
        actor = parameters["actor"]
        subject = parameters["subject"]
        clientID = parameters["client_id"]
        resource = parameters["resource"]
        trail = parameters["trail"]
        cursor = parameters["cursor"]
        if let value = parameters["outcome"] {
            guard let outcome = AuditOutcome(rawValue: value) else { throw .invalidInput(field: "outcome", message: "must be success, denied or failure") }
            self.outcome = outcome
        }
        since = try Self.date(parameters["since"], field: "since")
        until = try Self.date(parameters["until"], field: "until")
        if let value = parameters["limit"] {
            guard let limit = Int(value), (1...Self.maximumLimit).contains(limit) else {
                throw .invalidInput(field: "limit", message: "must be 1…\(Self.maximumLimit)")
            }
            self.limit = limit
        }
    }

    private static func date(_ value: String?, field: String) throws(IdPAdminError) -> Date? {
        guard let value else { return nil }
        guard let date = ISO8601DateFormatter().date(from: value) else {
            throw .invalidInput(field: field, message: "must be an ISO 8601 date-time such as 2030-01-01T00:00:00Z")
        }
        return date
    }
}

/// One page of the audit trail as JSON.
public struct AuditPageView: Codable, Sendable, Equatable {
    public var records: [AuditRecord]
    /// Pass as `cursor` for the next (older) page.
    public var nextCursor: String?

    public init(_ page: AuditPage) {
        records = page.records
        nextCursor = page.nextCursor
    }
}

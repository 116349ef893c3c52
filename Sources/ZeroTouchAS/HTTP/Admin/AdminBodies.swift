import Foundation
import Hummingbird
import ZeroTouchCore

/// The admin API's body for creating a user.
struct UserCreationBody: Decodable, Sendable {
    var id: LocalUserID?
    var identities: [LinkedIdentity]?
}

/// A page of the audit trail as the admin API shows it.
struct AuditPageBody: Encodable, Sendable {
    var records: [AuditRecordView]
    var nextCursor: String?

    init(_ page: AuditPage) {
        records = page.records.map(AuditRecordView.init)
        nextCursor = page.nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case records
        case nextCursor = "next_cursor"
    }
}

/// An audit record with snake_case member names, like the rest of the admin API.
struct AuditRecordView: Encodable, Sendable {
    let record: AuditRecord

    enum CodingKeys: String, CodingKey {
        case id, time, service, event, outcome, actor, subject, resource, scope, jti, reason, details
        case clientID = "client_id"
        case correlationID = "correlation_id"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record.id, forKey: .id)
        try c.encode(record.time, forKey: .time)
        try c.encode(record.service, forKey: .service)
        try c.encode(record.event, forKey: .event)
        try c.encode(record.outcome, forKey: .outcome)
        try c.encodeIfPresent(record.actor, forKey: .actor)
        try c.encodeIfPresent(record.subject, forKey: .subject)
        try c.encodeIfPresent(record.clientID, forKey: .clientID)
        try c.encodeIfPresent(record.resource, forKey: .resource)
        try c.encodeIfPresent(record.scope, forKey: .scope)
        try c.encodeIfPresent(record.jti, forKey: .jti)
        try c.encodeIfPresent(record.correlationID, forKey: .correlationID)
        try c.encodeIfPresent(record.reason, forKey: .reason)
        try c.encode(record.details, forKey: .details)
    }
}

/// An empty JSON object, the answer to a successful deletion or state change.
struct EmptyBody: Encodable, Sendable {}

extension Request {
    /// The query parameter `name`.
    /// - Throws: `OAuthErrorResponse` `invalid_request` when it is missing or empty.
    func requireQuery(_ name: String) throws(OAuthErrorResponse) -> String {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else {
            throw .invalidRequest("missing query parameter '\(name)'")
        }
        return value
    }

    /// The audit filter from the query: `service`, `event`, `outcome`, `actor`, `subject`,
    /// `client_id`, `resource`, `trail`, `limit` (at most 1000) and `cursor`.
    /// - Throws: `OAuthErrorResponse` `invalid_request` for a bad `outcome` or `limit`.
    func auditQuery() throws(OAuthErrorResponse) -> AuditQuery {
        let parameters = uri.queryParameters
        var query = AuditQuery(
            service: parameters.get("service"), event: parameters.get("event"), actor: parameters.get("actor"),
            subject: parameters.get("subject"), clientID: parameters.get("client_id"), resource: parameters.get("resource"),
            trail: parameters.get("trail"), cursor: parameters.get("cursor"))
        if let outcome = parameters.get("outcome") {
            guard let value = AuditOutcome(rawValue: outcome) else { throw .invalidRequest("outcome must be success, denied or failure") }
            query.outcome = value
        }
        if let limit = parameters.get("limit") {
            guard let value = Int(limit), (1...AuditQuery.maximumLimit).contains(value) else {
                throw .invalidRequest("limit must be between 1 and \(AuditQuery.maximumLimit)")
            }
            query.limit = value
        }
        return query
    }
}

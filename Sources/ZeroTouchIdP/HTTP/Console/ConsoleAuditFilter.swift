import Foundation
import ZeroTouchCore

/// The audit page's filters, read from its query: names as admins know them (a username, a server)
/// turned into the identifiers the records hold. Unknown names and malformed times are reported.
struct ConsoleAuditFilter {
    var user = ""
    var server = ""
    var client = ""
    var outcome = ""
    var event = ""
    var since = ""
    var until = ""
    var trail = ""
    var cursor: String?
    /// Records per page.
    static let pageSize = 50

    /// The query fields the page's links carry.
    static let fieldNames = ["user", "server", "client", "outcome", "event", "since", "until", "trail"]

    init(_ query: URLEncodedForm) {
        user = query["user"] ?? ""
        server = query["server"] ?? ""
        client = query["client"] ?? ""
        outcome = query["outcome"] ?? ""
        event = query["event"] ?? ""
        since = query["since"] ?? ""
        until = query["until"] ?? ""
        trail = query["trail"] ?? ""
        cursor = query.value("cursor")
    }

    /// The store query.
    /// - Throws: `ConsoleFormError` naming the field.
    func query(in snapshot: IdPSnapshot, limit: Int = pageSize) throws(ConsoleFormError) -> AuditQuery {
        for value in [user, server, client, outcome, event, since, until, trail, cursor ?? ""] where value.utf8.count > 2048 {
            throw ConsoleFormError("a filter is longer than 2048 bytes", status: 400)
        }
        // Names as admins know them become the identifiers the records hold; the rest is read exactly
        // as the admin API reads it (`AuditQuery(parameters:)`).
        var parameters = ["limit": String(limit)]
        if !user.isEmpty {
            guard let found = snapshot.user(username: user) ?? snapshot.user(UserID(user)) else {
                throw ConsoleFormError("user: no user named '\(user.prefix(100))'", status: 422)
            }
            parameters["subject"] = found.id.rawValue
        }
        if !server.isEmpty {
            parameters["resource"] = (snapshot.server(MCPServerID(server))?.resource ?? ResourceIdentifier(server)).rawValue
        }
        for (name, value) in [("client_id", client), ("outcome", outcome), ("event", event), ("trail", trail), ("cursor", cursor ?? "")]
        where !value.isEmpty {
            parameters[name] = value
        }
        var query: AuditQuery
        do {
            query = try AuditQuery(parameters: parameters)
        } catch {
            throw ConsoleFormError(error)
        }
        query.since = try Self.time(since, field: "since")
        query.until = try Self.time(until, field: "until")
        return query
    }

    /// The filters as a query string, for paging and export links.
    func queryString(cursor: String? = nil) -> String {
        var pairs = Self.fieldNames.compactMap { name -> String? in
            let value = self[name]
            return value.isEmpty ? nil : "\(name)=\(URLEncodedForm.encode(value))"
        }
        if let cursor { pairs.append("cursor=\(URLEncodedForm.encode(cursor))") }
        return pairs.joined(separator: "&")
    }

    subscript(name: String) -> String {
        switch name {
        case "user": user
        case "server": server
        case "client": client
        case "outcome": outcome
        case "event": event
        case "since": since
        case "until": until
        case "trail": trail
        default: ""
        }
    }

    /// An ISO 8601 date-time, or a browser's `datetime-local` value read as UTC.
    static func time(_ text: String, field: String) throws(ConsoleFormError) -> Date? {
        guard !text.isEmpty else { return nil }
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        for suffix in [":00Z", "Z"] {
            if let date = ISO8601DateFormatter().date(from: text + suffix) { return date }
        }
        throw ConsoleFormError("\(field): must be a UTC date-time such as 2030-01-01T00:00", status: 422)
    }
}

import ArgumentParser
import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchStorage

/// `zerotouch as audit`: the authorization server's audit trail, newest first.
struct ASAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show the audit trail: redemptions, rejections and admin changes.")

    @OptionGroup var options: ASStoreOptions
    @Option(help: "An event, or a prefix ending in '.' (jwt_bearer, admin.).") var event: String?
    @Option(help: "success, denied or failure.") var outcome: String?
    @Option(name: .customLong("client-id"), help: "A client.") var clientID: String?
    @Option(help: "A local user.") var subject: String?
    @Option(help: "An ID-JAG or access-token jti: one grant's trail.") var trail: String?
    @Option(help: "How many records (at most 1000).") var limit = 50
    @Flag(help: "Print JSON instead of one line per record.") var json = false

    func run() async throws {
        let query = AuditQuery(
            service: ASRegistry.auditService, event: event, outcome: try outcome.map { value in
                guard let parsed = AuditOutcome(rawValue: value) else { throw CommandArgumentError("--outcome must be success, denied or failure") }
                return parsed
            }, subject: subject, clientID: clientID, trail: trail, limit: min(max(limit, 1), AuditQuery.maximumLimit))
        let page = try await options.withRegistry { _, stores in try await stores.auditLog.query(query) }
        if json { return try CommandOutput.json(page.records) }
        for record in page.records { CommandOutput.line(Self.line(record)) }
    }

    /// One record as a line: time, event, outcome, then the identifiers present.
    static func line(_ record: AuditRecord) -> String {
        let fields: [(String, String?)] = [
            ("actor", record.actor), ("client", record.clientID), ("sub", record.subject), ("resource", record.resource),
            ("scope", record.scope), ("jti", record.jti), ("correlation", record.correlationID), ("reason", record.reason),
        ]
        let present = fields.compactMap { name, value in value.map { "\(name)=\($0)" } }
            + record.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ([record.time.ISO8601Format(), record.event, record.outcome.rawValue] + present).joined(separator: " ")
    }
}

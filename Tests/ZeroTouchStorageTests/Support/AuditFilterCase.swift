import Foundation
import Testing
import ZeroTouchCore

/// One `AuditQuery` filter and the records of `AuditLogFilterTests.trail` it must return.
enum AuditFilterCase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case service, event, eventPrefix, eventPrefixMatchesNothing, eventWithoutDotIsExact, outcome, actor, subject
    case clientID, resource, trail, since, until, timeWindow, emptyTimeWindow, serviceAndOutcome
    case serviceEventPrefixAndActor, serviceSince, everything

    var testDescription: String { rawValue }

    /// The filter.
    var query: AuditQuery {
        switch self {
        case .service: AuditQuery(service: "idp")
        case .event: AuditQuery(event: "jwt_bearer")
        case .eventPrefix: AuditQuery(event: "admin.")
        case .eventPrefixMatchesNothing: AuditQuery(event: "nothing.")
        case .eventWithoutDotIsExact: AuditQuery(event: "admin")
        case .outcome: AuditQuery(outcome: .denied)
        case .actor: AuditQuery(actor: "admin-1")
        case .subject: AuditQuery(subject: "alice")
        case .clientID: AuditQuery(clientID: "client-b")
        case .resource: AuditQuery(resource: "https://mcp-a.example")
        case .trail: AuditQuery(trail: "idjag-2")
        case .since: AuditQuery(since: testEpoch + 30)
        case .until: AuditQuery(until: testEpoch + 30)
        case .timeWindow: AuditQuery(since: testEpoch + 10, until: testEpoch + 50)
        case .emptyTimeWindow: AuditQuery(since: testEpoch + 1000)
        case .serviceAndOutcome: AuditQuery(service: "as", outcome: .failure)
        case .serviceEventPrefixAndActor: AuditQuery(service: "idp", event: "admin.", actor: "admin-2")
        case .serviceSince: AuditQuery(service: "idp", since: testEpoch + 25)
        case .everything: AuditQuery()
        }
    }

    /// The ids the filter returns, newest first.
    var expectedIDs: [String] {
        switch self {
        case .service: ["r8", "r7", "r4", "r3", "r2"]
        case .event: ["r5", "r1"]
        case .eventPrefix: ["r4", "r3"]
        case .eventPrefixMatchesNothing, .emptyTimeWindow: []
        case .eventWithoutDotIsExact: ["r7"]
        case .outcome: ["r4"]
        case .actor: ["r7", "r3"]
        case .subject: ["r5", "r2", "r1"]
        case .clientID: ["r5", "r2"]
        case .resource: ["r5", "r2", "r1"]
        case .trail: ["r5", "r2"]
        case .since: ["r8", "r7", "r6", "r5", "r4"]
        case .until: ["r3", "r2", "r1"]
        case .timeWindow: ["r5", "r4", "r3", "r2"]
        case .serviceAndOutcome: ["r5"]
        case .serviceEventPrefixAndActor: ["r4"]
        case .serviceSince: ["r8", "r7", "r4"]
        case .everything: ["r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1"]
        }
    }
}

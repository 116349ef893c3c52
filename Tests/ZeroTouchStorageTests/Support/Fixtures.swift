import Foundation
import ZeroTouchCore

/// The instant every test starts from (2030-03-17), so that runs are reproducible.
let testEpoch = Date(timeIntervalSince1970: 1_900_000_000)

/// A valid audit record `seconds` after `testEpoch`; tests change the fields they filter on.
func auditRecord(
    _ id: String, at seconds: TimeInterval = 0, service: String = "as", event: String = "jwt_bearer",
    outcome: AuditOutcome = .success, clientID: String? = "client-a", jti: String? = nil,
    correlationID: String? = nil, details: [String: String] = [:]
) -> AuditRecord {
    AuditRecord(
        id: id, time: testEpoch.addingTimeInterval(seconds), service: service, event: event, outcome: outcome,
        clientID: clientID, jti: jti, correlationID: correlationID, details: details)
}

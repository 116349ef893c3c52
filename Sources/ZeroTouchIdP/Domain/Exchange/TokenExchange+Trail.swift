import Foundation
import ZeroTouchCore

extension TokenExchange {
    /// What an exchange learned before it ended, for its audit record: identifiers only, never a token.
    struct Trail {
        var client: ClientID
        var subject: UserID?
        var resource: ResourceIdentifier?
        var requestedScope: Scope = []
        /// The `jti` of the ID token exchanged, joining the exchange to the sign-in that produced it.
        var correlationID: String?

        /// A grant: the ID-JAG's `jti`, the granted scope and the rules behind it.
        func grantRecord(_ issued: IssuedIDJAG, grant: PolicyGrant, now: Date) -> AuditRecord {
            var details = [
                "rules": grant.allowedBy.map(\.rawValue).joined(separator: ","),
                "audience": issued.claims.audience.rawValue,
                "client_id_at_server": issued.claims.clientID.rawValue,
                "expires_in": String(issued.expiresIn),
            ]
            if !grant.narrowedBy.isEmpty { details["narrowed_by"] = grant.narrowedBy.map(\.rawValue).joined(separator: ",") }
            if !requestedScope.isEmpty { details["requested_scope"] = requestedScope.description }
            return AuditRecord(
                time: now, service: IdPRegistry.auditService, event: TokenExchange.auditEvent, outcome: .success,
                actor: client.rawValue, subject: subject?.rawValue, clientID: client.rawValue, resource: resource?.rawValue,
                scope: grant.scope.parameterValue, jti: issued.claims.jwtID.rawValue, correlationID: correlationID, details: details)
        }

        /// A refusal: `denied` for a policy decision, `failure` for a broken request, with its reason.
        func rejectionRecord(_ rejection: TokenExchangeRejection, now: Date) -> AuditRecord {
            var details = ["error": rejection.errorCode.rawValue]
            var outcome = AuditOutcome.failure
            if case .policy(let policy) = rejection {
                outcome = .denied
                if !policy.ruleIDs.isEmpty { details["rules"] = policy.ruleIDs.map(\.rawValue).joined(separator: ",") }
            }
            return AuditRecord(
                time: now, service: IdPRegistry.auditService, event: TokenExchange.auditEvent, outcome: outcome,
                actor: client.rawValue, subject: subject?.rawValue, clientID: client.rawValue, resource: resource?.rawValue,
                scope: requestedScope.parameterValue, correlationID: correlationID, reason: rejection.reasonCode, details: details)
        }
    }
}

public import Logging
public import ZeroTouchCore
public import ZeroTouchOAuth

/// Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3),
/// with every failure written to the audit trail, so that a redemption refused before its ID-JAG
/// was even read still leaves a record (issue 4, item 6).
public struct AuditedClientAuthenticator: Sendable {
    /// The shared authenticator (`client_secret_basic`, `client_secret_post`, `private_key_jwt`).
    public let authenticator: ClientAuthenticator
    /// Where failures are recorded.
    public let auditLog: any AuditLog
    /// The time source.
    public let clock: any WallClock
    /// Receives a line when the audit store fails.
    public let logger: Logger

    /// Creates the authenticator.
    public init(authenticator: ClientAuthenticator, auditLog: any AuditLog, clock: any WallClock, logger: Logger) {
        self.authenticator = authenticator
        self.auditLog = auditLog
        self.clock = clock
        self.logger = logger
    }

    /// Authenticates the client of a request; a failure is audited under `event` and rethrown.
    /// - Parameters:
    ///   - form: the request body.
    ///   - authorization: the `Authorization` header.
    ///   - event: the audit event (`jwt_bearer`, `introspect`, `revoke`).
    /// - Throws: `ClientAuthenticationError` (`invalid_client`), or an operational error.
    public func authenticate(form: URLEncodedForm, authorization: String?, event: String) async throws -> AuthenticatedClient {
        do {
            return try await authenticator.authenticate(form: form, authorization: authorization)
        } catch let error as ClientAuthenticationError {
            let record = AuditRecord(
                time: clock.now, service: ASRegistry.auditService, event: event, outcome: .failure,
                clientID: form.value("client_id").map { String($0.prefix(255)) }, reason: "client_authentication",
                details: ["error": error.oauthError.code.rawValue, "cause": error.description])
            do { try await auditLog.append(record) } catch {
                logger.error("audit append failed for a failed client authentication", metadata: ["error": "\(error)"])
            }
            throw error
        }
    }
}

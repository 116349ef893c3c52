import Foundation
public import ZeroTouchCore
public import ZeroTouchOAuth

/// The IdP side of Enterprise-Managed Authorization: an RFC 8693 token exchange of an ID token for an
/// ID-JAG (checklist §2(b); issue 3, item 6).
///
/// Policy and catalog come from the registry's in-memory snapshot; the only write is the audit record,
/// appended (durably) before the answer, whether a grant or a rejection.
public struct TokenExchange: Sendable {
    let registry: IdPRegistry
    let verifier: IDTokenVerifier
    let issuer: IDJAGIssuer
    let auditLog: any AuditLog
    let clock: any WallClock

    public init(registry: IdPRegistry, verifier: IDTokenVerifier, issuer: IDJAGIssuer, auditLog: any AuditLog, clock: any WallClock) {
        self.registry = registry
        self.verifier = verifier
        self.issuer = issuer
        self.auditLog = auditLog
        self.clock = clock
    }

    /// The audit `event` of every exchange record.
    public static let auditEvent = "token_exchange"

    /// Exchanges the ID token in `form` for an ID-JAG for `client`. Steps, first failure wins:
    /// 1. the client authenticated (a public client may not exchange: checklist I-4);
    /// 2. parameters (`TokenExchangeRequest`): `requested_token_type` id-jag, `subject_token_type`
    ///    id_token, `subject_token`, no `actor_token`/`authorization_details`, `audience`, `resource`, `scope`;
    /// 3. the subject token is an ID token of this IdP for this client, unexpired (`IDTokenVerifier`);
    /// 4. its user exists and is active;
    /// 5. (`audience`, `resource`) is a catalog pair (checklist I-14);
    /// 6. policy decides (`IdPSnapshot.decide`): deny wins, default deny, scopes narrowed, step-up;
    /// 7. the ID-JAG is signed and the grant audited.
    /// - Throws: `TokenExchangeError` (a rejection with its audit reference); operational errors as they are.
    public func exchange(_ form: URLEncodedForm, for client: AuthenticatedClient) async throws -> TokenExchangeResponse {
        let now = clock.now
        var trail = Trail(client: client.clientID)
        do {
            guard client.method != .none else { throw TokenExchangeRejection.clientAuthenticationRequired(client.clientID) }
            let request = try TokenExchangeRequest(form: form)
            trail.resource = request.resource
            trail.requestedScope = request.scope
            let idToken = try await verifySubjectToken(request.subjectToken, for: client, now: now)
            trail.subject = idToken.subject
            trail.correlationID = idToken.jwtID.rawValue
            let snapshot = registry.snapshot
            let user = try Self.activeUser(idToken.subject, in: snapshot)
            let server = try Self.target(of: request, in: snapshot)
            trail.resource = server.resource
            let policyRequest = PolicyRequest(
                user: user.id, client: client.clientID, server: server.id, requestedScope: request.scope,
                authentication: idToken.authentication, now: now)
            let grant = try Self.grant(snapshot.decide(policyRequest))
            guard let clientIDAtServer = snapshot.client(client.clientID)?.clientID(at: server.id) else {
                throw TokenExchangeRejection.policy(.clientNotRegisteredAtServer(client.clientID, server.id))
            }
            let issued = try await issuer.issue(
                for: user, toward: server, clientIDAtServer: clientIDAtServer, scope: grant.scope, authentication: idToken.authentication,
                now: now)
            try await auditLog.append(trail.grantRecord(issued, grant: grant, now: now))
            return TokenExchangeResponse(issued: issued, requestedScope: request.scope)
        } catch let rejection as TokenExchangeRejection {
            let record = trail.rejectionRecord(rejection, now: now)
            try await auditLog.append(record)
            throw TokenExchangeError(rejection, auditReference: record.id)
        }
    }

    private func verifySubjectToken(_ token: String, for client: AuthenticatedClient, now: Date) async throws -> IDTokenClaims {
        do {
            return try await verifier.verify(token, for: client.clientID, now: now)
        } catch let failure as SubjectTokenFailure {
            throw TokenExchangeRejection.invalidSubjectToken(failure)
        }
    }

    /// Step 4: the user of the ID token, active now (a suspension takes effect at once).
    static func activeUser(_ id: UserID, in snapshot: IdPSnapshot) throws(TokenExchangeRejection) -> User {
        guard let user = snapshot.user(id) else { throw .invalidSubjectToken(.unknownUser(id)) }
        guard user.isActive else { throw .invalidSubjectToken(.userSuspended(id)) }
        return user
    }

    /// Step 5: the catalog entry for (`audience`, `resource`) (EMA-S §7.6.1). Without `resource`, the one
    /// entry whose authorization server is `audience` (decisions X-3).
    static func target(of request: TokenExchangeRequest, in snapshot: IdPSnapshot) throws(TokenExchangeRejection) -> MCPServer {
        if let resource = request.resource {
            guard let server = snapshot.server(resource: resource) else { throw .unknownResource(resource) }
            guard server.accepts(audience: request.audience) else {
                throw .audienceResourceMismatch(audience: request.audience, resource: resource)
            }
            return server
        }
        let candidates = snapshot.state.servers.values.filter { $0.accepts(audience: request.audience) }
        guard let server = candidates.first else { throw .unknownAudience(request.audience) }
        guard candidates.count == 1 else { throw .resourceRequired(audience: request.audience) }
        return server
    }

    /// Step 6: a grant, or the policy's rejection.
    static func grant(_ decision: PolicyDecision) throws(TokenExchangeRejection) -> PolicyGrant {
        switch decision {
        case .allow(let grant): grant
        case .deny(let rejection): throw .policy(rejection)
        }
    }
}

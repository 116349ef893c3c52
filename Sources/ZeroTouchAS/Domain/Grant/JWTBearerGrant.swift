public import Logging
public import ZeroTouchCore
import ZeroTouchJOSE
public import ZeroTouchOAuth

/// The RFC 7523 jwt-bearer grant with an ID-JAG (ID-JAG §4.4): verify, mint, audit.
///
/// Every redemption and every rejection is appended to the audit trail (issuer, `sub`, client,
/// resource, scope, ID-JAG `jti`, reason), never a token or an assertion (EMA-S §7.4.2). A success
/// is audited before the token is returned, so no token leaves unrecorded.
public struct JWTBearerGrant: Sendable {
    /// Checks the ID-JAG.
    public let verifier: IDJAGVerifier
    /// Mints the access token.
    public let tokens: AccessTokenIssuer
    /// Where redemptions and rejections are recorded.
    public let auditLog: any AuditLog
    /// Receives one line per rejection at `.info` (identifiers only).
    public let logger: Logger

    /// The audit event of a redemption.
    public static let auditEvent = "jwt_bearer"

    /// Creates the grant.
    public init(verifier: IDJAGVerifier, tokens: AccessTokenIssuer, auditLog: any AuditLog, logger: Logger = Logger(label: "zerotouch.as.grant")) {
        self.verifier = verifier
        self.tokens = tokens
        self.auditLog = auditLog
        self.logger = logger
    }

    /// Redeems `assertion` for `client`.
    /// - Parameters:
    ///   - assertion: the ID-JAG.
    ///   - client: the authenticated client.
    ///   - resource: the request's `resource` parameter, if any.
    ///   - scope: the request's `scope` parameter, if any.
    /// - Returns: the access token.
    /// - Throws: `IDJAGRejection` (audited), or an operational error (a 500).
    public func redeem(_ assertion: String, for client: AuthenticatedClient, resource: ResourceIdentifier? = nil, scope: Scope? = nil) async throws
        -> IssuedAccessToken
    {
        let verified: VerifiedIDJAG
        do {
            verified = try await verifier.verify(assertion, for: client, requestedResource: resource, requestedScope: scope)
        } catch let rejection as IDJAGRejection {
            await audit(rejection, assertion: assertion, client: client)
            throw rejection
        }
        let issued = try await tokens.issue(for: verified)
        try await auditLog.append(successRecord(verified, issued: issued))
        return issued
    }

    private func successRecord(_ verified: VerifiedIDJAG, issued: IssuedAccessToken) -> AuditRecord {
        var details = ["idp_iss": verified.issuer.rawValue, "idp_sub": verified.subject.rawValue]
        details["tenant"] = verified.tenant
        details["kid"] = verified.keyID?.rawValue
        details["expires_in"] = String(issued.expiresIn)
        return AuditRecord(
            time: issued.claims.issuedAt, service: ASRegistry.auditService, event: Self.auditEvent, outcome: .success,
            actor: verified.clientID.rawValue, subject: verified.user.id.rawValue, clientID: verified.clientID.rawValue,
            resource: verified.resource.identifier.rawValue, scope: verified.scope.parameterValue, jti: issued.claims.jti.rawValue,
            correlationID: verified.jti.rawValue, details: details)
    }

    /// Appends the rejection with the unverified identifiers the assertion names (marked as such),
    /// so an administrator can find the attempt; a failing audit store is logged, and the client
    /// still gets the rejection.
    private func audit(_ rejection: IDJAGRejection, assertion: String, client: AuthenticatedClient) async {
        logger.info("jwt-bearer grant rejected", metadata: ["client_id": "\(client.clientID)", "reason": "\(rejection)"])
        var details = ["error": rejection.errorCode.rawValue, "claims": "unverified"]
        var record = AuditRecord(
            time: verifier.clock.now, service: ASRegistry.auditService, event: Self.auditEvent,
            outcome: rejection.errorCode == .accessDenied ? .denied : .failure, actor: client.clientID.rawValue,
            clientID: client.clientID.rawValue, reason: rejection.auditReason)
        if let token = try? UnverifiedJWT(compact: assertion, maximumBytes: verifier.maximumAssertionBytes) {
            let claims = token.unverifiedClaims
            details["idp_iss"] = Self.identifier(claims["iss"])
            details["idp_sub"] = Self.identifier(claims["sub"])
            details["kid"] = token.header.keyID.flatMap { Self.identifier(.string($0.rawValue)) }
            record.correlationID = Self.identifier(claims["jti"])
            record.resource = Self.identifier(claims["resource"])
            record.scope = Self.identifier(claims["scope"])
        }
        record.details = details
        do {
            try await auditLog.append(record)
        } catch {
            logger.error("audit append failed for a rejected jwt-bearer grant", metadata: ["error": "\(error)"])
        }
    }

    /// A claim value fit for the audit trail: a string of at most 255 bytes, control characters removed.
    private static func identifier(_ value: JSONValue?) -> String? {
        guard let string = value?.stringValue else { return nil }
        let cleaned = String(String.UnicodeScalarView(string.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(255)))
        return cleaned.isEmpty ? nil : cleaned
    }
}
